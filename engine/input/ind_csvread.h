/* ind_csvread.h — reading a CSV file a user wrote: its text into rows of
 * fields, nothing more (what the columns mean is the caller's business; the
 * observations layout is engine/lua/observe.lua's, docs/lua-api.md §7.2).
 *
 * The dialect, strict: UTF-8 (a leading byte-order mark is skipped), fields
 * separated by ',', records ended by LF or CRLF (the last one may lack it),
 * RFC 4180 quoting (a field in double quotes may hold ',', '"' written as "",
 * and line ends, kept as written). Fields are kept verbatim: no trimming. The
 * first record is the header; every record must have as many fields as it.
 * An empty line is skipped; with IND_CSV_COMMENTS, so is a line starting with
 * '#' (outside a quoted field: a '#' inside one, or later in a line, is text).
 *
 * Refused, each as IND_EINVAL with "name:line:column: what" (column in
 * characters, both from 1) or "name:line: what" for a whole record: invalid
 * UTF-8 (overlong, surrogate, above U+10FFFF, truncated), a NUL byte, any
 * other control character but TAB, LF and CR (C0, DEL and C1: they would
 * reach terminals through error messages), a CR not followed by LF outside
 * quotes, a '"' inside an unquoted field, text after a closing quote, a quote
 * never closed (the position of the opening quote), a record with more or
 * fewer fields than the header, more than IND_CSV_MAX_COLS fields, more than
 * IND_CSV_MAX_BYTES bytes, and an input with no record at all.
 *
 * No global state; every call frees what it allocated when it fails. */
#ifndef IND_CSVREAD_H
#define IND_CSVREAD_H

#include <stddef.h>

#include "ind_err.h"

#define IND_CSV_MAX_BYTES (16 * 1024 * 1024) /* 16 MiB: far above any table of published figures */
#define IND_CSV_MAX_COLS 256                 /* fields in a record */

#define IND_CSV_COMMENTS 1 /* flag: skip lines starting with '#' */

/* A parsed file: rows of NUL-terminated UTF-8 fields ("" for an empty one). */
typedef struct ind_csv_rows {
  int nrows;    /* records, the header (row 0) included; at least 1 */
  int ncols;    /* fields in every record */
  char **cells; /* nrows * ncols, row-major */
  int *lines;   /* the line (from 1) on which each record starts */
  char *store;  /* the fields' bytes (cells point into it) */
} ind_csv_rows;

/* Parses len bytes of text (need not be NUL-terminated); name is used in
 * messages (a path, or "<input>" when NULL). On success fills out (free it
 * with ind_csv_rows_free); on failure leaves out zeroed. */
ind_status ind_csv_parse(const char *text, size_t len, const char *name, int flags, ind_csv_rows *out,
                         ind_err *err);

/* Reads the whole file at path into *text (malloc'd, NUL-terminated, caller
 * frees) and its size into *len. A file over IND_CSV_MAX_BYTES is IND_EINVAL;
 * a file that cannot be opened or read is IND_EIO. */
ind_status ind_csv_slurp(const char *path, char **text, size_t *len, ind_err *err);

/* ind_csv_slurp then ind_csv_parse, the path naming the file in messages. */
ind_status ind_csv_read(const char *path, int flags, ind_csv_rows *out, ind_err *err);

/* Field col of row (both from 0); NULL outside the table. */
const char *ind_csv_get(const ind_csv_rows *t, int row, int col);

/* Frees what t holds and zeroes it; safe on a zeroed or already freed t. */
void ind_csv_rows_free(ind_csv_rows *t);

#endif
