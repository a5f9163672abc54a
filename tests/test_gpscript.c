/* test_gpscript.c — how text reaches gnuplot (engine/output/ind_gpscript.h):
 * every user text becomes a single-quoted gnuplot string, in which gnuplot
 * expands nothing (no backquotes, no @macros, no escapes); a quote is spliced
 * in as the octal escape "\047"; control characters become spaces; a newline
 * given to ind_gp_set_text becomes a line break written by indsim itself; file
 * names are kept exactly or refused.
 *
 * The expected texts are written out by hand from the rules above. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "ind_gpscript.h"

/* What fn wrote to a memory stream, as a malloc'd string. */
#define CAPTURE(out, call)                   \
  do {                                       \
    size_t n_ = 0;                           \
    FILE *f = open_memstream(&(out), &n_);   \
    call;                                    \
    fclose(f);                               \
  } while (0)

static void expect_string(const char *in, const char *want) {
  char *got = NULL;
  CAPTURE(got, ind_gp_string(f, in));
  if (!check_report_(strcmp(got, want) == 0, __FILE__, __LINE__, "ind_gp_string"))
    fprintf(stderr, "    in: [%s]\n    want: [%s]\n    got:  [%s]\n", in ? in : "(null)", want, got);
  free(got);
}

static void expect_text(const char *in, const char *want) {
  char *got = NULL;
  CAPTURE(got, ind_gp_set_text(f, "t", in));
  if (!check_report_(strcmp(got, want) == 0, __FILE__, __LINE__, "ind_gp_set_text"))
    fprintf(stderr, "    want: [%s]\n    got:  [%s]\n", want, got);
  free(got);
}

static void test_string(void) {
  expect_string("plain", "'plain'");
  expect_string(NULL, "''");
  expect_string("it's", "'it' . \"\\047\" . 's'");
  expect_string("''", "'' . \"\\047\" . '' . \"\\047\" . ''"); /* two quotes in a row */
  /* gnuplot's command substitution, macros and system(): inert in single quotes */
  expect_string("`rm -rf ~` @cmd system(\"x\")", "'`rm -rf ~` @cmd system(\"x\")'");
  expect_string("a\tb\nc\rd", "'a b c d'");            /* C0 controls */
  expect_string("a\xC2\x85" "b", "'a b'");              /* U+0085, a C1 control */
  expect_string("a\xE2\x80\xA8" "b", "'a b'");          /* U+2028 line separator */
  expect_string("bad \xFF byte", "'bad ? byte'");       /* invalid UTF-8 */
  expect_string("Hà Nội", "'Hà Nội'");                  /* UTF-8 kept as written */
}

static void test_set_text(void) {
  expect_text("one line", "t = 'one line'\n");
  expect_text(NULL, "t = ''\n");
  expect_text("Hà Nội\nHanoi", "t = 'Hà Nội' . \"\\n\" . 'Hanoi'\n");
  expect_text("x\n", "t = 'x' . \"\\n\" . ''\n");
  /* the pieces are quoted as ind_gp_string quotes them; a tab is still a space */
  expect_text("it's\na\tb", "t = 'it' . \"\\047\" . 's' . \"\\n\" . 'a b'\n");
}

static void test_quote_exact(void) {
  ind_err err = {0};
  char *q = ind_gp_quote_exact("out/it's.png", &err);
  CHECK(q && strcmp(q, "'out/it' . \"\\047\" . 's.png'") == 0);
  free(q);
  q = ind_gp_quote_exact("a\nb.png", &err);
  CHECK(q == NULL);
  CHECK_EQ_LONG(err.code, IND_EINVAL);
  CHECK_HAS(err.msg, "control character");
}

/* Greedy breaking at spaces: "one two three" in 7 columns is "one two" (7) and
 * "three" (5); a word longer than the width keeps a line to itself; columns
 * count code points, so "Hà Nội" is 6 columns although it is 9 bytes. */
static void test_wrap(void) {
  size_t widest = 0;
  CHECK_EQ_LONG(ind_gp_wrap("one two three", 7, &widest), 2);
  CHECK_EQ_LONG(widest, 7);
  CHECK_EQ_LONG(ind_gp_wrap("extraordinary a", 5, &widest), 2);
  CHECK_EQ_LONG(widest, 13);
  CHECK_EQ_LONG(ind_gp_wrap("Hà Nội", 6, &widest), 1);
  CHECK_EQ_LONG(widest, 6);
}

int main(void) {
  test_string();
  test_set_text();
  test_quote_exact();
  test_wrap();
  return check_summary("test_gpscript");
}
