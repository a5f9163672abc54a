/* ind_utf8.h — the little UTF-8 the output layer needs: decoding one code
 * point, display width (code points, not bytes, without combining marks) for
 * aligned terminal tables, and the ASCII base letter of Vietnamese (and other
 * Latin-1) letters with diacritics for file-system-safe names. */
#ifndef IND_UTF8_H
#define IND_UTF8_H

#include <stddef.h>

#define IND_UTF8_BAD 0xFFFDu /* what an invalid byte decodes to */

/* Decodes the code point starting at s into *cp and returns its length in bytes
 * (1..4). An invalid or truncated sequence gives IND_UTF8_BAD and length 1, so
 * a loop always advances. s must not point at the terminating NUL. */
int ind_utf8_decode(const char *s, unsigned *cp);

/* 1 if cp is a combining mark (zero width: NFD accents). */
int ind_utf8_is_combining(unsigned cp);

/* Columns s takes on a terminal: code points that are not combining marks. */
size_t ind_utf8_width(const char *s);

/* Bytes of the longest prefix of s at most `width` columns wide (combining marks
 * stay with their base letter); never cuts a code point. */
size_t ind_utf8_prefix(const char *s, size_t width);

/* The ASCII letter a Latin letter with diacritics is based on ('d' for đ, 'A'
 * for Ậ), the letter itself for ASCII letters, 0 for anything else. */
int ind_utf8_base_letter(unsigned cp);

#endif
