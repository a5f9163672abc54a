/* test_csvread.c — the strict CSV reader (engine/input/ind_csvread.h): the
 * dialect (RFC 4180 quoting, LF and CRLF, the byte-order mark, empty cells,
 * empty and comment lines, UTF-8 kept as written), every refusal with its
 * exact line and column, the limits at their boundary, reading files, and
 * that a failed call leaves nothing allocated and its output zeroed.
 *
 * Expected values are written out by hand from the inputs: a line is counted
 * from 1 at each LF, a column in characters from 1 at the line's start (the
 * byte-order mark not counted), a record's line is the one it starts on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "ind_csvread.h"

/* Parses a string literal (its bytes, embedded NULs included). */
#define PARSE(lit, flags, rows, err) ind_csv_parse((lit), sizeof(lit) - 1, "t.csv", (flags), (rows), (err))

static int cell_is(const ind_csv_rows *t, int row, int col, const char *want) {
  const char *got = ind_csv_get(t, row, col);
  int ok = got && strcmp(got, want) == 0;
  if (!ok) fprintf(stderr, "    cell %d,%d: expected \"%s\", got \"%s\"\n", row, col, want, got ? got : "(null)");
  return ok;
}

static int zeroed(const ind_csv_rows *t) {
  return t->nrows == 0 && t->ncols == 0 && !t->cells && !t->lines && !t->store;
}

/* The input must be refused with exactly this message. */
static void refused(const char *text, size_t len, int flags, const char *msg, int line) {
  ind_csv_rows t;
  ind_err err = {0};
  ind_status st = ind_csv_parse(text, len, "t.csv", flags, &t, &err);
  if (!check_report_(st == IND_EINVAL && strcmp(err.msg, msg) == 0, __FILE__, line, msg))
    fprintf(stderr, "    status %d, message \"%s\"\n", (int)st, err.msg);
  check_report_(zeroed(&t), __FILE__, line, "output zeroed after a refusal");
}
#define REFUSED(lit, flags, msg) refused((lit), sizeof(lit) - 1, (flags), (msg), __LINE__)

static void test_basic(void) {
  ind_csv_rows t;
  ind_err err = {0};
  CHECK_EQ_LONG(PARSE("a,b,c\n1,2,3\n", 0, &t, &err), IND_OK);
  CHECK_EQ_LONG(t.nrows, 2);
  CHECK_EQ_LONG(t.ncols, 3);
  CHECK(cell_is(&t, 0, 0, "a") && cell_is(&t, 0, 2, "c") && cell_is(&t, 1, 1, "2") && cell_is(&t, 1, 2, "3"));
  CHECK_EQ_LONG(t.lines[0], 1);
  CHECK_EQ_LONG(t.lines[1], 2);
  CHECK(ind_csv_get(&t, 2, 0) == NULL && ind_csv_get(&t, 0, 3) == NULL && ind_csv_get(&t, -1, 0) == NULL);
  CHECK(ind_csv_get(&t, 0, -1) == NULL && ind_csv_get(NULL, 0, 0) == NULL);
  ind_csv_rows_free(&t);
  CHECK(zeroed(&t));
  ind_csv_rows_free(&t); /* twice is safe */
  ind_csv_rows_free(NULL);

  CHECK_EQ_LONG(PARSE("a,b\n1,2", 0, &t, &err), IND_OK); /* no final line end */
  CHECK(t.nrows == 2 && cell_is(&t, 1, 1, "2"));
  ind_csv_rows_free(&t);

  CHECK_EQ_LONG(PARSE("only", 0, &t, &err), IND_OK); /* a header alone */
  CHECK(t.nrows == 1 && t.ncols == 1 && cell_is(&t, 0, 0, "only"));
  ind_csv_rows_free(&t);

  CHECK_EQ_LONG(PARSE("a, b ,c\n x ,\t, y\n", 0, &t, &err), IND_OK); /* spaces are kept */
  CHECK(cell_is(&t, 0, 1, " b ") && cell_is(&t, 1, 0, " x ") && cell_is(&t, 1, 1, "\t") && cell_is(&t, 1, 2, " y"));
  ind_csv_rows_free(&t);
}

static void test_line_ends_and_bom(void) {
  ind_csv_rows t;
  ind_err err = {0};
  CHECK_EQ_LONG(PARSE("a,b\r\n1,2\r\n3,4", 0, &t, &err), IND_OK);
  CHECK(t.nrows == 3 && cell_is(&t, 0, 1, "b") && cell_is(&t, 1, 1, "2") && cell_is(&t, 2, 1, "4"));
  CHECK(t.lines[1] == 2 && t.lines[2] == 3);
  ind_csv_rows_free(&t);

  CHECK_EQ_LONG(PARSE("a,b\n1,2\r\n", 0, &t, &err), IND_OK); /* mixed */
  CHECK(t.nrows == 2 && cell_is(&t, 1, 1, "2"));
  ind_csv_rows_free(&t);

  CHECK_EQ_LONG(PARSE("\xEF\xBB\xBFkind,year\r\ngrowth,2006\r\n", 0, &t, &err), IND_OK);
  CHECK(cell_is(&t, 0, 0, "kind") && cell_is(&t, 1, 1, "2006") && t.lines[0] == 1);
  ind_csv_rows_free(&t);

  /* Only a leading mark is one: elsewhere U+FEFF is a character like others. */
  CHECK_EQ_LONG(PARSE("a\n\xEF\xBB\xBFx\n", 0, &t, &err), IND_OK);
  CHECK(cell_is(&t, 1, 0, "\xEF\xBB\xBFx"));
  ind_csv_rows_free(&t);
  /* The mark is not counted in columns: the quote opens at column 3. */
  REFUSED("\xEF\xBB\xBF" "a,\"b\n", 0, "t.csv:1:3: the quoted field starting here is never closed (a '\"' is missing)");
}

static void test_quoting(void) {
  ind_csv_rows t;
  ind_err err = {0};
  CHECK_EQ_LONG(PARSE("a,b\n\"x,y\",\"he said \"\"hi\"\"\"\n", 0, &t, &err), IND_OK);
  CHECK(cell_is(&t, 1, 0, "x,y") && cell_is(&t, 1, 1, "he said \"hi\""));
  ind_csv_rows_free(&t);

  /* Line ends inside quotes are kept as written; the next record's line counts them. */
  CHECK_EQ_LONG(PARSE("a,b\n\"l1\nl2\",\"c\r\nd\"\r\nz,\"\"\n", 0, &t, &err), IND_OK);
  CHECK(t.nrows == 3 && cell_is(&t, 1, 0, "l1\nl2") && cell_is(&t, 1, 1, "c\r\nd"));
  CHECK(cell_is(&t, 2, 0, "z") && cell_is(&t, 2, 1, ""));
  CHECK(t.lines[1] == 2 && t.lines[2] == 5); /* lines 2-4 hold record 1 */
  ind_csv_rows_free(&t);

  CHECK_EQ_LONG(PARSE("a\n\"\"\"\"\n\"\"\n", 0, &t, &err), IND_OK); /* a lone quote; an empty quoted field */
  CHECK(t.nrows == 3 && cell_is(&t, 1, 0, "\"") && cell_is(&t, 2, 0, ""));
  ind_csv_rows_free(&t);

  CHECK_EQ_LONG(PARSE("a,b\n\"x\"", 0, &t, &err), IND_EINVAL); /* 1 field of 2 */
  CHECK_EQ_LONG(PARSE("a,b\n1,\"x\"", 0, &t, &err), IND_OK);   /* closing quote at the very end */
  CHECK(cell_is(&t, 1, 1, "x"));
  ind_csv_rows_free(&t);
}

static void test_empty_cells_and_lines(void) {
  ind_csv_rows t;
  ind_err err = {0};
  CHECK_EQ_LONG(PARSE("a,b,c\n,,\n1,,\n,,3", 0, &t, &err), IND_OK);
  CHECK(t.nrows == 4 && cell_is(&t, 1, 0, "") && cell_is(&t, 1, 2, "") && cell_is(&t, 2, 0, "1"));
  CHECK(cell_is(&t, 2, 1, "") && cell_is(&t, 3, 2, "3"));
  ind_csv_rows_free(&t);

  /* Empty lines (LF or CRLF) are skipped; lines still count them. */
  CHECK_EQ_LONG(PARSE("\na\n\n1\r\n\r\n2\n\n", 0, &t, &err), IND_OK);
  CHECK(t.nrows == 3 && cell_is(&t, 0, 0, "a") && cell_is(&t, 1, 0, "1") && cell_is(&t, 2, 0, "2"));
  CHECK(t.lines[0] == 2 && t.lines[1] == 4 && t.lines[2] == 6);
  ind_csv_rows_free(&t);
}

static void test_comments(void) {
  ind_csv_rows t;
  ind_err err = {0};
  CHECK_EQ_LONG(PARSE("# the history\r\na,b\n#x,y,z\n1,# not a comment\n\"2\n#3\",4\n", IND_CSV_COMMENTS, &t, &err), IND_OK);
  CHECK(t.nrows == 3 && cell_is(&t, 0, 0, "a") && cell_is(&t, 1, 1, "# not a comment"));
  CHECK(cell_is(&t, 2, 0, "2\n#3") && cell_is(&t, 2, 1, "4"));
  CHECK(t.lines[0] == 2 && t.lines[1] == 4 && t.lines[2] == 5);
  ind_csv_rows_free(&t);
  /* Without the flag a '#' line is a record: the header "# c" has 1 field. */
  REFUSED("# c\na,b\n", 0, "t.csv:2: 2 fields where the header (line 1) has 1 (a value holding ',' must be in double quotes)");
  REFUSED("# only comments\n#\n", IND_CSV_COMMENTS, "t.csv: no header row (the file is empty)");
  /* A comment is text too: invalid UTF-8 there is refused. */
  REFUSED("# caf\xE9\na\n", IND_CSV_COMMENTS, "t.csv:1:6: invalid UTF-8 (byte 0xE9): save the file as \"CSV UTF-8\"");
}

static void test_utf8_kept(void) {
  ind_csv_rows t;
  ind_err err = {0};
  CHECK_EQ_LONG(PARSE("sector,source\nNhà nước,\"Cục Thống kê, Hà Nội\"\nx,\xF0\x9F\x93\x88\n", 0, &t, &err), IND_OK);
  CHECK(cell_is(&t, 1, 0, "Nhà nước") && cell_is(&t, 1, 1, "Cục Thống kê, Hà Nội") && cell_is(&t, 2, 1, "\xF0\x9F\x93\x88"));
  ind_csv_rows_free(&t);
  /* Columns count characters: N h à then the quote at column 4 (à is 2 bytes). */
  REFUSED("a\nNhà\"x\n", 0,
          "t.csv:2:4: '\"' inside a field that does not start with one: quote the whole field, with no space before "
          "the opening '\"', and write a '\"' inside it twice (\"\")");
  /* The largest code point and the last before the surrogates are fine. */
  CHECK_EQ_LONG(PARSE("a\n\xF4\x8F\xBF\xBF\xED\x9F\xBF\xC2\xA0\n", 0, &t, &err), IND_OK);
  ind_csv_rows_free(&t);
}

static void test_structure_errors(void) {
  REFUSED("a,b\n1,\"xy\n", 0, "t.csv:2:3: the quoted field starting here is never closed (a '\"' is missing)");
  REFUSED("a,b\n1,\"x\"\"\n2,3\n", 0, "t.csv:2:3: the quoted field starting here is never closed (a '\"' is missing)");
  REFUSED("a,b\n1,x\"y\n", 0,
          "t.csv:2:4: '\"' inside a field that does not start with one: quote the whole field, with no space before "
          "the opening '\"', and write a '\"' inside it twice (\"\")");
  REFUSED("a,b\n1, \"x\"\n", 0,
          "t.csv:2:4: '\"' inside a field that does not start with one: quote the whole field, with no space before "
          "the opening '\"', and write a '\"' inside it twice (\"\")");
  REFUSED("a,b\n\"x\"y,1\n", 0,
          "t.csv:2:4: text after the closing quote of a field (a '\"' inside a quoted field is written twice)");
  REFUSED("a,b\n\"x\" ,1\n", 0,
          "t.csv:2:4: text after the closing quote of a field (a '\"' inside a quoted field is written twice)");
  REFUSED("a,b\r1,2\n", 0, "t.csv:1:4: a carriage return not followed by a line feed (lines end with LF or CRLF)");
  REFUSED("a,b\n1,2\r", 0, "t.csv:2:4: a carriage return not followed by a line feed (lines end with LF or CRLF)");
  REFUSED("a,b\n\r\n\r", 0, "t.csv:3:1: a carriage return not followed by a line feed (lines end with LF or CRLF)");
  REFUSED("a,b,c\n1,2,3\n1,2\n", 0, "t.csv:3: 2 fields where the header (line 1) has 3");
  REFUSED("a,b\n1,2,3\n", 0, "t.csv:2: 3 fields where the header (line 1) has 2 (a value holding ',' must be in double quotes)");
  REFUSED("a,b\n1\n", 0, "t.csv:2: 1 field where the header (line 1) has 2");
  /* A record spanning lines is reported at the line it starts on. */
  REFUSED("\n\na,b\n\"x\ny\"\n", 0, "t.csv:4: 1 field where the header (line 3) has 2");
  REFUSED("", 0, "t.csv: no header row (the file is empty)");
  REFUSED("\n\r\n\n", 0, "t.csv: no header row (the file is empty)");
  REFUSED("\xEF\xBB\xBF", 0, "t.csv: no header row (the file is empty)");
}

static void test_character_errors(void) {
  REFUSED("a,b\n1,\0\n", 0, "t.csv:2:3: a NUL byte (this is not a text file)");
  REFUSED("a\0,b\n", 0, "t.csv:1:2: a NUL byte (this is not a text file)");
  REFUSED("a,b\n1,\"x\0\"\n", 0, "t.csv:2:5: a NUL byte (this is not a text file)");
  REFUSED("a,b\n1,\x1b[31m\n", 0, "t.csv:2:3: control character U+001B (not allowed in a CSV file)");
  REFUSED("a,b\n1,\"\x07\"\n", 0, "t.csv:2:4: control character U+0007 (not allowed in a CSV file)");
  REFUSED("a,b\n1,x\x7f\n", 0, "t.csv:2:4: control character U+007F (not allowed in a CSV file)");
  REFUSED("a,b\n1,\xC2\x9B" "31m\n", 0, "t.csv:2:3: control character U+009B (not allowed in a CSV file)");
  REFUSED("a,b\n1,\xC2\x80\n", 0, "t.csv:2:3: control character U+0080 (not allowed in a CSV file)");
  /* Latin-1 "café" (not UTF-8): c a f at columns 3 4 5, é at 6. */
  REFUSED("a,b\n1,caf\xE9\n", 0, "t.csv:2:6: invalid UTF-8 (byte 0xE9): save the file as \"CSV UTF-8\"");
  REFUSED("a,b\n1,\xC0\xAF\n", 0, "t.csv:2:3: invalid UTF-8 (byte 0xC0): save the file as \"CSV UTF-8\"");       /* overlong '/' */
  REFUSED("a,b\n1,\xE0\x80\xAF\n", 0, "t.csv:2:3: invalid UTF-8 (byte 0xE0): save the file as \"CSV UTF-8\"");   /* overlong */
  REFUSED("a,b\n1,\xF0\x80\x80\xAF\n", 0, "t.csv:2:3: invalid UTF-8 (byte 0xF0): save the file as \"CSV UTF-8\""); /* overlong */
  REFUSED("a,b\n1,\xED\xA0\x80\n", 0, "t.csv:2:3: invalid UTF-8 (byte 0xED): save the file as \"CSV UTF-8\"");   /* U+D800 */
  REFUSED("a,b\n1,\xF4\x90\x80\x80\n", 0, "t.csv:2:3: invalid UTF-8 (byte 0xF4): save the file as \"CSV UTF-8\""); /* U+110000 */
  REFUSED("a,b\n1,\xF5\x80\x80\x80\n", 0, "t.csv:2:3: invalid UTF-8 (byte 0xF5): save the file as \"CSV UTF-8\"");
  REFUSED("a,b\n1,x\x80\n", 0, "t.csv:2:4: invalid UTF-8 (byte 0x80): save the file as \"CSV UTF-8\"");         /* lone continuation */
  REFUSED("a,b\n1,\xE1\x80", 0, "t.csv:2:3: invalid UTF-8 (byte 0xE1): save the file as \"CSV UTF-8\"");          /* cut at the end */
  REFUSED("a,b\n1,\xE1\x80,\n", 0, "t.csv:2:3: invalid UTF-8 (byte 0xE1): save the file as \"CSV UTF-8\"");       /* cut by a comma */
  REFUSED("a,b\n1,\"\xFF\"\n", 0, "t.csv:2:4: invalid UTF-8 (byte 0xFF): save the file as \"CSV UTF-8\"");
}

static void test_arguments(void) {
  ind_csv_rows t;
  ind_err err = {0};
  CHECK_EQ_LONG(ind_csv_parse(NULL, 0, NULL, 0, &t, &err), IND_EINVAL);
  CHECK_HAS(err.msg, "<input>: no header row");
  CHECK_EQ_LONG(ind_csv_parse(NULL, 3, "t.csv", 0, &t, &err), IND_EINVAL);
  CHECK(zeroed(&t));
  CHECK_EQ_LONG(ind_csv_parse("a", 1, "t.csv", 0, NULL, &err), IND_EINVAL);
  CHECK_EQ_LONG(ind_csv_parse("a\"", 2, "t.csv", 0, &t, NULL), IND_EINVAL); /* no err record: still refused */
  CHECK_EQ_LONG(ind_csv_parse("a\n1", 3, "t.csv", 0, &t, NULL), IND_OK);
  ind_csv_rows_free(&t);
  /* Only len bytes are read: the text need not end with a NUL. */
  const char buf[] = {'a', ',', 'b', '\n', '1', ',', '2', 'X'};
  CHECK_EQ_LONG(ind_csv_parse(buf, 7, "t.csv", 0, &t, &err), IND_OK);
  CHECK(cell_is(&t, 1, 1, "2"));
  ind_csv_rows_free(&t);
}

static void test_limits(void) {
  ind_csv_rows t;
  ind_err err = {0};
  /* IND_CSV_MAX_COLS fields are fine, one more is not (the error at the 257th field). */
  char wide[2 * (IND_CSV_MAX_COLS + 1) + 1];
  for (int i = 0; i < IND_CSV_MAX_COLS; i++) wide[2 * i] = 'x', wide[2 * i + 1] = ',';
  wide[2 * IND_CSV_MAX_COLS - 1] = '\n';
  CHECK_EQ_LONG(ind_csv_parse(wide, 2 * IND_CSV_MAX_COLS, "t.csv", 0, &t, &err), IND_OK);
  CHECK_EQ_LONG(t.ncols, IND_CSV_MAX_COLS);
  ind_csv_rows_free(&t);
  wide[2 * IND_CSV_MAX_COLS - 1] = ',';
  wide[2 * IND_CSV_MAX_COLS] = 'x';
  CHECK_EQ_LONG(ind_csv_parse(wide, 2 * IND_CSV_MAX_COLS + 1, "t.csv", 0, &t, &err), IND_EINVAL);
  CHECK_HAS(err.msg, "t.csv:1:513: more than 256 fields in a record"); /* the 257th field starts at column 513 */

  /* IND_CSV_MAX_BYTES bytes are fine, one more is not. */
  size_t max = (size_t)IND_CSV_MAX_BYTES;
  char *big = malloc(max + 1);
  CHECK(big != NULL);
  if (!big) return;
  memcpy(big, "a\n", 2);
  memset(big + 2, 'x', max - 1);
  CHECK_EQ_LONG(ind_csv_parse(big, max, "big.csv", 0, &t, &err), IND_OK);
  CHECK(t.nrows == 2 && strlen(ind_csv_get(&t, 1, 0)) == max - 2);
  ind_csv_rows_free(&t);
  CHECK_EQ_LONG(ind_csv_parse(big, max + 1, "big.csv", 0, &t, &err), IND_EINVAL);
  CHECK_HAS(err.msg, "big.csv: 16777217 bytes, over the limit of 16777216 (16 MiB) for a CSV file");
  CHECK(zeroed(&t));
  free(big);
}

/* Writes n bytes of text to a new temporary file; returns its path (static buffer). */
static const char *temp_file(const char *text, size_t n, char *path) {
  strcpy(path, "/tmp/test_csvread.XXXXXX");
  int fd = mkstemp(path);
  if (fd < 0) return NULL;
  FILE *f = fdopen(fd, "wb");
  if (!f) return NULL;
  size_t done = n ? fwrite(text, 1, n, f) : 0;
  fclose(f);
  return done == n ? path : NULL;
}

static void test_files(void) {
  ind_csv_rows t;
  ind_err err = {0};
  char path[64], *text;
  size_t len;
  const char csv[] = "\xEF\xBB\xBFkind,pct\r\ngrowth,16.5\r\n";
  CHECK(temp_file(csv, sizeof csv - 1, path) != NULL);
  CHECK_EQ_LONG(ind_csv_read(path, 0, &t, &err), IND_OK);
  CHECK(t.nrows == 2 && cell_is(&t, 0, 0, "kind") && cell_is(&t, 1, 1, "16.5"));
  ind_csv_rows_free(&t);
  CHECK_EQ_LONG(ind_csv_slurp(path, &text, &len, &err), IND_OK);
  CHECK(len == sizeof csv - 1 && memcmp(text, csv, len) == 0 && text[len] == '\0');
  free(text);
  unlink(path);

  const char bad[] = "kind,pct\ngrowth,\"16.5\n";
  CHECK(temp_file(bad, sizeof bad - 1, path) != NULL);
  CHECK_EQ_LONG(ind_csv_read(path, 0, &t, &err), IND_EINVAL);
  char want[128];
  snprintf(want, sizeof want, "%s:2:8: the quoted field starting here is never closed", path);
  CHECK_HAS(err.msg, want);
  CHECK(zeroed(&t));
  unlink(path);

  CHECK(temp_file("", 0, path) != NULL);
  CHECK_EQ_LONG(ind_csv_read(path, 0, &t, &err), IND_EINVAL);
  CHECK_HAS(err.msg, "no header row");
  unlink(path);

  CHECK_EQ_LONG(ind_csv_read("/nonexistent/history.csv", 0, &t, &err), IND_EIO);
  CHECK_HAS(err.msg, "cannot read '/nonexistent/history.csv': No such file or directory");
  CHECK(zeroed(&t));
  CHECK_EQ_LONG(ind_csv_slurp("/tmp", &text, &len, &err), IND_EIO); /* a folder */
  CHECK(text == NULL && len == 0);
  CHECK_HAS(err.msg, "cannot read '/tmp'");
  CHECK_EQ_LONG(ind_csv_slurp(NULL, &text, &len, &err), IND_EINVAL);

  /* A file of exactly the limit is read; one byte more is refused before parsing. */
  size_t max = (size_t)IND_CSV_MAX_BYTES;
  char *big = malloc(max + 1);
  CHECK(big != NULL);
  if (!big) return;
  memcpy(big, "a\n", 2);
  memset(big + 2, 'x', max - 1);
  CHECK(temp_file(big, max, path) != NULL);
  CHECK_EQ_LONG(ind_csv_slurp(path, &text, &len, &err), IND_OK);
  CHECK(len == max && text[max] == '\0');
  free(text);
  unlink(path);
  CHECK(temp_file(big, max + 1, path) != NULL);
  CHECK_EQ_LONG(ind_csv_slurp(path, &text, &len, &err), IND_EINVAL);
  CHECK(text == NULL && len == 0);
  CHECK_HAS(err.msg, "more than 16777216 bytes, the limit (16 MiB) of a CSV file");
  unlink(path);
  free(big);
}

int main(void) {
  test_basic();
  test_line_ends_and_bom();
  test_quoting();
  test_empty_cells_and_lines();
  test_comments();
  test_utf8_kept();
  test_structure_errors();
  test_character_errors();
  test_arguments();
  test_limits();
  test_files();
  return check_summary("test_csvread");
}
