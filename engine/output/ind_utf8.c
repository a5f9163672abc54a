/* ind_utf8.c — UTF-8 decoding, display width and base letters of accented
 * Latin letters (Latin-1, the Vietnamese letters of Latin Extended-A/B and the
 * Latin Extended Additional block U+1EA0..U+1EF9). */
#include "ind_utf8.h"

/* Length of a sequence by its lead byte, 0 if it cannot lead. */
static int lead_length(unsigned char c) {
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return 2;
  if (c >= 0xE0 && c <= 0xEF) return 3;
  if (c >= 0xF0 && c <= 0xF4) return 4;
  return 0;
}

int ind_utf8_decode(const char *s, unsigned *cp) {
  const unsigned char *u = (const unsigned char *)s;
  static const unsigned min[5] = {0, 0, 0x80, 0x800, 0x10000}; /* overlong forms below these */
  int n = lead_length(u[0]);
  if (n == 1) {
    *cp = u[0];
    return 1;
  }
  unsigned v = n ? u[0] & (0x7Fu >> n) : 0;
  for (int i = 1; i < n; i++) {
    if ((u[i] & 0xC0) != 0x80) { /* also stops at the NUL */
      n = 0;
      break;
    }
    v = v << 6 | (u[i] & 0x3Fu);
  }
  if (!n || v < min[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
    *cp = IND_UTF8_BAD;
    return 1;
  }
  *cp = v;
  return n;
}

int ind_utf8_is_combining(unsigned cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F);
}

size_t ind_utf8_width(const char *s) {
  size_t w = 0;
  unsigned cp;
  while (*s) {
    s += ind_utf8_decode(s, &cp);
    w += !ind_utf8_is_combining(cp);
  }
  return w;
}

size_t ind_utf8_prefix(const char *s, size_t width) {
  size_t bytes = 0, w = 0;
  unsigned cp;
  while (s[bytes]) {
    int n = ind_utf8_decode(s + bytes, &cp);
    int wide = !ind_utf8_is_combining(cp);
    if (wide && w == width) break;
    w += (size_t)wide;
    bytes += (size_t)n;
  }
  return bytes;
}

/* U+00C0..U+00FF; '_' where the character is not a letter with a base. */
static const char latin1[] = "AAAAAA_CEEEEIIIIDNOOOOO_OUUUUY__aaaaaa_ceeeeiiiidnooooo_ouuuuy_y";

/* The Vietnamese letters of Latin Extended-A and -B. */
static const struct { unsigned cp; char base; } extended[] = {
  {0x102, 'A'}, {0x103, 'a'}, {0x110, 'D'}, {0x111, 'd'}, {0x128, 'I'}, {0x129, 'i'},
  {0x168, 'U'}, {0x169, 'u'}, {0x1A0, 'O'}, {0x1A1, 'o'}, {0x1AF, 'U'}, {0x1B0, 'u'},
};

/* U+1EA0..U+1EF9 come in (capital, small) pairs; runs of pairs per base letter. */
static const struct { unsigned end; char base; } vi_block[] = {
  {0x1EB8, 'A'}, {0x1EC8, 'E'}, {0x1ECC, 'I'}, {0x1EE4, 'O'}, {0x1EF2, 'U'}, {0x1EFA, 'Y'},
};

int ind_utf8_base_letter(unsigned cp) {
  if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')) return (int)cp;
  if (cp >= 0xC0 && cp <= 0xFF) return latin1[cp - 0xC0] == '_' ? 0 : latin1[cp - 0xC0];
  for (size_t i = 0; i < sizeof extended / sizeof *extended; i++)
    if (extended[i].cp == cp) return extended[i].base;
  if (cp < 0x1EA0 || cp > 0x1EF9) return 0;
  for (size_t i = 0; i < sizeof vi_block / sizeof *vi_block; i++)
    if (cp < vi_block[i].end) return (cp & 1) ? vi_block[i].base - 'A' + 'a' : vi_block[i].base;
  return 0;
}
