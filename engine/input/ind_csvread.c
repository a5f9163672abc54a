/* ind_csvread.c — the strict CSV reader of ind_csvread.h: one pass over the
 * text, validating each character (UTF-8, no NUL or control characters) as
 * it copies fields into one growing store; positions are tracked as line and
 * character column for the messages. Uses nothing but the C library. */
#include "ind_csvread.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct csvp {
  const unsigned char *s, *end; /* cursor, end of the text */
  const char *name;             /* for messages */
  int line, col;                /* position of s, from 1; col in characters */
  int flags;
  char *store;                  /* fields, each NUL-terminated */
  size_t nstore, capstore;
  size_t *offs;                 /* start of each field in store */
  size_t noffs, capoffs;
  int *lines;                   /* line of each record */
  size_t nlines, caplines;
  int ncols;                    /* fields of the header; 0 before it */
  ind_err *err;
} csvp;

/* An error at line:col of the text. */
static ind_status fail_at(csvp *p, int line, int col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
static ind_status fail_at(csvp *p, int line, int col, const char *fmt, ...) {
  char msg[320];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (col > 0) return ind_err_set(p->err, IND_EINVAL, "%s:%d:%d: %s", p->name, line, col, msg);
  return ind_err_set(p->err, IND_EINVAL, "%s:%d: %s", p->name, line, msg);
}

static ind_status no_memory(csvp *p) {
  return ind_err_set(p->err, IND_ENOMEM, "%s: out of memory reading a CSV file", p->name);
}

/* Makes room for need elements of size bytes in *a (capacity *cap). */
static int grow(void **a, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return 1;
  size_t c = *cap ? *cap : 64;
  while (c < need) c *= 2;
  void *q = realloc(*a, c * size);
  if (!q) return 0;
  *a = q;
  *cap = c;
  return 1;
}

static ind_status put(csvp *p, const void *b, size_t n) {
  if (!grow((void **)&p->store, &p->capstore, p->nstore + n, 1)) return no_memory(p);
  memcpy(p->store + p->nstore, b, n);
  p->nstore += n;
  return IND_OK;
}

/* Moves past the n-byte character at s. */
static void advance(csvp *p, int n) {
  if (*p->s == '\n') {
    p->line++;
    p->col = 1;
  } else {
    p->col++;
  }
  p->s += n;
}

static int bad_char(csvp *p, unsigned cp) {
  if (cp == 0) fail_at(p, p->line, p->col, "a NUL byte (this is not a text file)");
  else fail_at(p, p->line, p->col, "control character U+%04X (not allowed in a CSV file)", cp);
  return 0;
}

static int not_utf8(csvp *p) {
  fail_at(p, p->line, p->col, "invalid UTF-8 (byte 0x%02X): save the file as \"CSV UTF-8\"", *p->s);
  return 0;
}

/* Length (1..4) of the valid character at s (s < end), or 0 with the error
 * set: invalid UTF-8, NUL, C0 controls but TAB/LF/CR, DEL, C1 controls. */
static int char_len(csvp *p) {
  const unsigned char *s = p->s;
  size_t left = (size_t)(p->end - s);
  unsigned c = s[0], cp, lo = 0x80, hi = 0xBF;
  int n;
  if (c < 0x80) {
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return bad_char(p, c);
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) { /* E0: no overlong forms; ED: no surrogates */
    n = 3;
    cp = c & 0x0F;
    lo = c == 0xE0 ? 0xA0 : 0x80;
    hi = c == 0xED ? 0x9F : 0xBF;
  } else if (c >= 0xF0 && c <= 0xF4) { /* F0: no overlong forms; F4: nothing above U+10FFFF */
    n = 4;
    cp = c & 0x07;
    lo = c == 0xF0 ? 0x90 : 0x80;
    hi = c == 0xF4 ? 0x8F : 0xBF;
  } else {
    return not_utf8(p); /* a continuation byte, C0/C1 (overlong) or F5..FF */
  }
  for (int i = 1; i < n; i++) {
    if ((size_t)i >= left || s[i] < lo || s[i] > hi) return not_utf8(p);
    cp = cp << 6 | (s[i] & 0x3Fu);
    lo = 0x80; /* only the second byte has narrower bounds */
    hi = 0xBF;
  }
  if (cp <= 0x9F) return bad_char(p, cp); /* C1 controls (two-byte code points from U+0080) */
  return n;
}

/* A field not in quotes: up to ',', a line end or the end; a '"' in it is an error. */
static ind_status unquoted(csvp *p) {
  while (p->s < p->end && *p->s != ',' && *p->s != '\n' && *p->s != '\r') {
    if (*p->s == '"')
      return fail_at(p, p->line, p->col,
                     "'\"' inside a field that does not start with one: quote the whole field, with no space "
                     "before the opening '\"', and write a '\"' inside it twice (\"\")");
    int n = char_len(p);
    if (!n) return IND_EINVAL;
    ind_status st = put(p, p->s, (size_t)n);
    if (st) return st;
    advance(p, n);
  }
  return IND_OK;
}

/* A field in double quotes (s at the opening one): "" is one '"'. */
static ind_status quoted(csvp *p) {
  int line = p->line, col = p->col;
  advance(p, 1);
  for (;;) {
    if (p->s == p->end) return fail_at(p, line, col, "the quoted field starting here is never closed (a '\"' is missing)");
    if (*p->s == '"') {
      advance(p, 1);
      if (p->s == p->end || *p->s != '"') return IND_OK; /* the closing quote */
    }
    int n = char_len(p);
    if (!n) return IND_EINVAL;
    ind_status st = put(p, p->s, (size_t)n);
    if (st) return st;
    advance(p, n);
  }
}

/* After a field: 1 when another follows (','), 0 when the record ends (line
 * end or end of text), -1 with the error set otherwise. */
static int field_end(csvp *p) {
  if (p->s == p->end) return 0;
  switch (*p->s) {
  case ',': advance(p, 1); return 1;
  case '\n': advance(p, 1); return 0;
  case '\r':
    if (p->s + 1 < p->end && p->s[1] == '\n') {
      advance(p, 1);
      advance(p, 1);
      return 0;
    }
    fail_at(p, p->line, p->col, "a carriage return not followed by a line feed (lines end with LF or CRLF)");
    return -1;
  default:
    fail_at(p, p->line, p->col, "text after the closing quote of a field (a '\"' inside a quoted field is written twice)");
    return -1;
  }
}

static ind_status record(csvp *p) {
  int line = p->line, nf = 0, more;
  if (!grow((void **)&p->lines, &p->caplines, p->nlines + 1, sizeof *p->lines)) return no_memory(p);
  p->lines[p->nlines++] = line;
  do {
    if (++nf > IND_CSV_MAX_COLS) return fail_at(p, p->line, p->col, "more than %d fields in a record", IND_CSV_MAX_COLS);
    if (!grow((void **)&p->offs, &p->capoffs, p->noffs + 1, sizeof *p->offs)) return no_memory(p);
    p->offs[p->noffs++] = p->nstore;
    ind_status st = p->s < p->end && *p->s == '"' ? quoted(p) : unquoted(p);
    if (!st) st = put(p, "", 1);
    if (st) return st;
    if ((more = field_end(p)) < 0) return IND_EINVAL;
  } while (more);
  if (p->ncols == 0) p->ncols = nf;
  else if (nf != p->ncols)
    return fail_at(p, line, 0, "%d field%s where the header (line %d) has %d%s", nf, nf == 1 ? "" : "s", p->lines[0],
                   p->ncols, nf > p->ncols ? " (a value holding ',' must be in double quotes)" : "");
  return IND_OK;
}

/* Skips empty lines and, with IND_CSV_COMMENTS, lines starting with '#'. */
static ind_status skip_lines(csvp *p) {
  while (p->s < p->end) {
    if (*p->s == '\n') {
      advance(p, 1);
    } else if (*p->s == '\r' && p->s + 1 < p->end && p->s[1] == '\n') {
      advance(p, 1);
      advance(p, 1);
    } else if (*p->s == '#' && (p->flags & IND_CSV_COMMENTS)) {
      while (p->s < p->end && *p->s != '\n') {
        int n = char_len(p);
        if (!n) return IND_EINVAL;
        advance(p, n);
      }
    } else {
      break;
    }
  }
  return IND_OK;
}

/* Hands the parsed fields to out (the store and lines move there). */
static ind_status finish(csvp *p, ind_csv_rows *out) {
  char **cells = malloc(p->noffs * sizeof *cells);
  if (!cells) return no_memory(p);
  for (size_t i = 0; i < p->noffs; i++) cells[i] = p->store + p->offs[i];
  out->nrows = (int)p->nlines;
  out->ncols = p->ncols;
  out->cells = cells;
  out->lines = p->lines;
  out->store = p->store;
  p->lines = NULL;
  p->store = NULL;
  return IND_OK;
}

ind_status ind_csv_parse(const char *text, size_t len, const char *name, int flags, ind_csv_rows *out,
                         ind_err *err) {
  if (out) memset(out, 0, sizeof *out);
  if (!out || (!text && len)) return ind_err_set(err, IND_EINVAL, "ind_csv_parse: no text or no output");
  csvp p = {.name = name ? name : "<input>", .line = 1, .col = 1, .flags = flags, .err = err};
  if (len > (size_t)IND_CSV_MAX_BYTES)
    return ind_err_set(err, IND_EINVAL, "%s: %zu bytes, over the limit of %d (16 MiB) for a CSV file", p.name, len,
                       IND_CSV_MAX_BYTES);
  if (!text) text = "";
  p.s = (const unsigned char *)text;
  p.end = p.s + len;
  if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) p.s += 3; /* byte-order mark */
  ind_status st = IND_OK;
  while (st == IND_OK) {
    st = skip_lines(&p);
    if (st || p.s == p.end) break;
    st = record(&p);
  }
  if (!st && p.nlines == 0) st = ind_err_set(err, IND_EINVAL, "%s: no header row (the file is empty)", p.name);
  if (!st) st = finish(&p, out);
  free(p.offs);
  free(p.store);
  free(p.lines);
  return st;
}

static ind_status read_all(FILE *f, const char *path, char **text, size_t *len, ind_err *err) {
  size_t cap = 0, n = 0, limit = (size_t)IND_CSV_MAX_BYTES;
  char *buf = NULL;
  for (;;) {
    if (cap - n < 2) { /* room for one byte and the NUL */
      size_t c = cap ? 2 * cap : 65536;
      char *q = realloc(buf, c < limit + 2 ? c : limit + 2);
      if (!q) {
        free(buf);
        return ind_err_set(err, IND_ENOMEM, "%s: out of memory reading a CSV file", path);
      }
      buf = q;
      cap = c < limit + 2 ? c : limit + 2;
    }
    size_t want = cap - 1 - n, got = fread(buf + n, 1, want, f);
    n += got;
    if (n > limit) { /* never more than limit + 1 bytes: the file is too long */
      free(buf);
      return ind_err_set(err, IND_EINVAL, "%s: more than %zu bytes, the limit (16 MiB) of a CSV file", path, limit);
    }
    if (got < want) break; /* end of file, or an error */
  }
  if (ferror(f)) {
    int e = errno;
    free(buf);
    return ind_err_set(err, IND_EIO, "cannot read '%s': %s", path, strerror(e));
  }
  buf[n] = '\0';
  *text = buf;
  *len = n;
  return IND_OK;
}

ind_status ind_csv_slurp(const char *path, char **text, size_t *len, ind_err *err) {
  if (text) *text = NULL;
  if (len) *len = 0;
  if (!path || !text || !len) return ind_err_set(err, IND_EINVAL, "ind_csv_slurp: no path or no output");
  FILE *f = fopen(path, "rb");
  if (!f) return ind_err_set(err, IND_EIO, "cannot read '%s': %s", path, strerror(errno));
  ind_status st = read_all(f, path, text, len, err);
  fclose(f);
  return st;
}

ind_status ind_csv_read(const char *path, int flags, ind_csv_rows *out, ind_err *err) {
  char *text;
  size_t len;
  if (out) memset(out, 0, sizeof *out);
  ind_status st = ind_csv_slurp(path, &text, &len, err);
  if (st) return st;
  st = ind_csv_parse(text, len, path, flags, out, err);
  free(text);
  return st;
}

const char *ind_csv_get(const ind_csv_rows *t, int row, int col) {
  if (!t || !t->cells || row < 0 || row >= t->nrows || col < 0 || col >= t->ncols) return NULL;
  return t->cells[(size_t)row * (size_t)t->ncols + (size_t)col];
}

void ind_csv_rows_free(ind_csv_rows *t) {
  if (!t) return;
  free(t->cells);
  free(t->lines);
  free(t->store);
  memset(t, 0, sizeof *t);
}
