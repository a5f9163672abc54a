/* check.h — the few assertions the C unit tests use. A failed check prints
 * file:line, what was checked, the expected and the obtained value and the
 * tolerance, and is counted; check_summary() prints the tally and gives the
 * exit status of main (non-zero when any check failed). NaN never passes. */
#ifndef CHECK_H
#define CHECK_H

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct check_tally {
  int run, failed;
} check_tally;

static check_tally check_tally_; /* one per test executable */

static inline int check_report_(int ok, const char *file, int line, const char *what) {
  check_tally_.run++;
  if (!ok) {
    check_tally_.failed++;
    fprintf(stderr, "%s:%d: FAILED %s\n", file, line, what);
  }
  return ok;
}

/* |got - want| <= tol · |want| (or <= tol when want is 0). */
static inline int check_rel_(double got, double want, double tol, const char *file, int line,
                             const char *expr) {
  double scale = want != 0.0 ? fabs(want) : 1.0;
  double err = fabs(got - want) / scale;
  int ok = err <= tol; /* false for NaN */
  if (check_report_(ok, file, line, expr))
    return 1;
  fprintf(stderr, "    expected %.17g\n    got      %.17g\n    rel err  %.3g > tol %.3g\n", want, got, err,
          tol);
  return 0;
}

/* |got - want| <= tol. */
static inline int check_abs_(double got, double want, double tol, const char *file, int line,
                             const char *expr) {
  double err = fabs(got - want);
  int ok = err <= tol;
  if (check_report_(ok, file, line, expr))
    return 1;
  fprintf(stderr, "    expected %.17g\n    got      %.17g\n    abs err  %.3g > tol %.3g\n", want, got, err,
          tol);
  return 0;
}

static inline int check_long_(long got, long want, const char *file, int line, const char *expr) {
  if (check_report_(got == want, file, line, expr))
    return 1;
  fprintf(stderr, "    expected %ld\n    got      %ld\n", want, got);
  return 0;
}

static inline int check_str_has_(const char *s, const char *needle, const char *file, int line,
                                 const char *expr) {
  int ok = s && needle && strstr(s, needle) != NULL;
  if (check_report_(ok, file, line, expr))
    return 1;
  fprintf(stderr, "    expected text containing \"%s\"\n    got \"%s\"\n", needle ? needle : "(null)",
          s ? s : "(null)");
  return 0;
}

static inline int check_summary(const char *name) {
  fprintf(stderr, "%s: %d checks, %d failed\n", name, check_tally_.run, check_tally_.failed);
  return check_tally_.failed ? 1 : 0;
}

#define CHECK(cond) check_report_(!!(cond), __FILE__, __LINE__, #cond)
#define CHECK_REL(got, want, tol) check_rel_((got), (want), (tol), __FILE__, __LINE__, #got " ~ " #want)
#define CHECK_ABS(got, want, tol) check_abs_((got), (want), (tol), __FILE__, __LINE__, #got " ~ " #want)
#define CHECK_EQ_LONG(got, want) check_long_((long)(got), (long)(want), __FILE__, __LINE__, #got " == " #want)
#define CHECK_HAS(s, needle) check_str_has_((s), (needle), __FILE__, __LINE__, #s " contains " #needle)
/* A value exactly equal to another (bit for bit, NaN excluded). */
#define CHECK_SAME(got, want) check_abs_((got), (want), 0.0, __FILE__, __LINE__, #got " == " #want)

#endif
