/* test_sketch.c — the quantile sketch (ind_sketch): the relative error of
 * every quantile against the exact one on samples of several shapes and
 * sizes, identity of merged and whole sketches, memory independent of the
 * number of values, refusals, the empty sketch and the collapse.
 *
 * The exact quantile is the sorted sample's element of rank floor(q (n - 1)),
 * the rank ind_sketch.h defines (same expression, so the same rank). The
 * header's bound is |estimate - exact| <= alpha |exact| for every value of
 * magnitude >= ~2.2e-308 outside a collapsed bucket, and an exact 0 for the
 * values counted as zero: those are the tolerances used, with no extra slack.
 * Samples come from GSL's default generator (mt19937) with fixed seeds. */
#include <float.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "ind_sketch.h"

#define ALPHA 0.005

static const double QS[] = {0.01, 0.05, 0.25, 0.50, 0.75, 0.95, 0.99};
#define NQ (sizeof QS / sizeof *QS)

static double worst_rel; /* largest relative error seen / alpha, printed: the bound is not loose */

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double exact_quantile(const double *sorted, size_t n, double q) {
  return sorted[(size_t)(q * (double)(n - 1))];
}

static ind_sketch *sketch_of(const double *x, size_t n, double alpha, int cap) {
  ind_err err = {0};
  ind_sketch *s = ind_sketch_alloc_capped(alpha, cap, &err);
  if (!CHECK(s != NULL)) {
    fprintf(stderr, "    %s\n", err.msg);
    exit(1);
  }
  for (size_t i = 0; i < n; i++)
    if (ind_sketch_add(s, x[i], &err)) {
      fprintf(stderr, "    add: %s\n", err.msg);
      exit(1);
    }
  return s;
}

/* est within alpha of want (relative), or exactly 0 when want is 0. */
static void check_estimate(double est, double want, double alpha, const char *what) {
  if (want == 0.0) {
    check_abs_(est, 0.0, 0.0, __FILE__, __LINE__, what);
    return;
  }
  double rel = fabs(est - want) / fabs(want);
  if (rel / alpha > worst_rel) worst_rel = rel / alpha;
  check_rel_(est, want, alpha, __FILE__, __LINE__, what);
}

/* Every quantile of QS, and q = 0 and 1 (exact minimum and maximum), of the
 * sketch of x[0..n) against the sorted sample. */
static void check_sample(const char *label, double *x, size_t n, double alpha) {
  ind_sketch *s = sketch_of(x, n, alpha, IND_SKETCH_DEFAULT_BUCKETS);
  qsort(x, n, sizeof *x, cmp_double);
  char what[160];
  CHECK_EQ_LONG(ind_sketch_count(s), n);
  for (size_t k = 0; k < NQ; k++) {
    int ok = 0;
    double est = ind_sketch_quantile_checked(s, QS[k], &ok);
    snprintf(what, sizeof what, "%s n=%zu q=%g", label, n, QS[k]);
    check_estimate(est, exact_quantile(x, n, QS[k]), alpha, what);
    check_report_(ok, __FILE__, __LINE__, what); /* no collapse at these ranges */
  }
  snprintf(what, sizeof what, "%s n=%zu min", label, n);
  check_abs_(ind_sketch_quantile(s, 0.0), x[0], 0.0, __FILE__, __LINE__, what);
  snprintf(what, sizeof what, "%s n=%zu max", label, n);
  check_abs_(ind_sketch_quantile(s, 1.0), x[n - 1], 0.0, __FILE__, __LINE__, what);
  ind_sketch_free(s);
}

typedef double (*draw_fn)(gsl_rng *r);

static double d_lognormal(gsl_rng *r) { return gsl_ran_lognormal(r, 0.0, 1.0); }
static double d_normal(gsl_rng *r) { return 0.5 + gsl_ran_gaussian(r, 2.0); } /* ~40 % negative */
static double d_uniform(gsl_rng *r) { return gsl_ran_flat(r, -1.0, 3.0); }
static double d_constant(gsl_rng *r) { (void)r; return 42.0; }
static double d_pareto(gsl_rng *r) { return gsl_ran_pareto(r, 0.8, 1.0); } /* infinite mean */

/* 30 % zeros (a third of them -0.0), 20 % negative lognormals, the rest positive. */
static double d_zeros(gsl_rng *r) {
  double u = gsl_rng_uniform(r);
  if (u < 0.1) return -0.0;
  if (u < 0.3) return 0.0;
  double v = gsl_ran_lognormal(r, 1.0, 2.0);
  return u < 0.5 ? -v : v;
}

/* The quantiles of each shape at n = 1, 2, 10, 1e4 and 1e6 are within alpha. */
static void test_accuracy(void) {
  static const struct {
    const char *name;
    draw_fn draw;
  } shapes[] = {{"lognormal", d_lognormal}, {"normal", d_normal}, {"uniform", d_uniform},
                {"zeros mix", d_zeros},     {"constant", d_constant}, {"pareto", d_pareto}};
  static const size_t sizes[] = {1, 2, 10, 10000, 1000000};
  double *x = malloc(1000000 * sizeof *x);
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  for (size_t k = 0; k < sizeof shapes / sizeof *shapes; k++)
    for (size_t j = 0; j < sizeof sizes / sizeof *sizes; j++) {
      gsl_rng_set(r, 1000 + 10 * k + j);
      for (size_t i = 0; i < sizes[j]; i++) x[i] = shapes[k].draw(r);
      check_sample(shapes[k].name, x, sizes[j], ALPHA);
    }
  /* coarser accuracies: the bound scales with alpha */
  gsl_rng_set(r, 77);
  for (size_t i = 0; i < 100000; i++) x[i] = d_normal(r);
  check_sample("normal a=0.05", x, 100000, 0.05);
  gsl_rng_set(r, 78);
  for (size_t i = 0; i < 100000; i++) x[i] = d_pareto(r);
  check_sample("pareto a=0.2", x, 100000, 0.2);
  gsl_rng_free(r);
  free(x);
}

/* Five values in a scrambled order, negative ones first in the ranking and
 * zero between: r = floor(q · 4). q = 0 and 1 are the exact extremes; -1 and
 * 2 come from their buckets (within alpha); 0 is exact. */
static void test_ordering(void) {
  double x[] = {5.0, -1.0, 0.0, -3.0, 2.0};
  ind_sketch *s = sketch_of(x, 5, ALPHA, IND_SKETCH_DEFAULT_BUCKETS);
  CHECK_SAME(ind_sketch_quantile(s, 0.0), -3.0);
  CHECK_SAME(ind_sketch_quantile(s, 0.2), -3.0);  /* floor(0.8) = 0 */
  CHECK_REL(ind_sketch_quantile(s, 0.25), -1.0, ALPHA);
  CHECK_SAME(ind_sketch_quantile(s, 0.5), 0.0);
  CHECK_REL(ind_sketch_quantile(s, 0.75), 2.0, ALPHA);
  CHECK_REL(ind_sketch_quantile(s, 0.99), 2.0, ALPHA); /* floor(3.96) = 3 */
  CHECK_SAME(ind_sketch_quantile(s, 1.0), 5.0);
  ind_sketch_free(s);
  /* estimates are clamped to [min, max]: a constant comes back exactly */
  double c[] = {42.0, 42.0, 42.0, 42.0, 42.0};
  s = sketch_of(c, 5, ALPHA, IND_SKETCH_DEFAULT_BUCKETS);
  for (size_t k = 0; k < NQ; k++) CHECK_SAME(ind_sketch_quantile(s, QS[k]), 42.0);
  ind_sketch_free(s);
}

/* Values on and next to the bucket boundaries gamma^i, where rounding of the
 * index decides between two buckets and the exact error is alpha itself: the
 * header's a' = alpha - 1e-11 must absorb the rounding. Boundaries of a'
 * computed as the sketch does, every index stride over the whole range of
 * doubles, for the smallest, a usual and the largest alpha. Each value is the
 * median of {-1, x, x (1 + alpha)}, so neither exact extreme answers for it
 * (and the three span a bucket or two: no collapse). */
static void test_boundaries(void) {
  static const double alphas[] = {IND_SKETCH_MIN_ALPHA, ALPHA, IND_SKETCH_MAX_ALPHA};
  for (int k = 0; k < 3; k++) {
    double alpha = alphas[k], a = alpha - 1e-11, L = log1p(2 * a / (1 - a));
    int imax = (int)(700.0 / L), stride = imax / 5000 > 0 ? imax / 5000 : 1, failed = 0, checked = 0;
    ind_sketch *s = ind_sketch_alloc(alpha, NULL);
    for (int i = -imax; i <= imax; i += stride) {
      double b = exp(i * L), xs[] = {nextafter(b, 0), b, nextafter(b, INFINITY), b * (1 - 1e-13), b * (1 + 1e-13)};
      for (int j = 0; j < 5; j++) {
        ind_sketch_reset(s);
        ind_sketch_add(s, -1.0, NULL);
        ind_sketch_add(s, xs[j], NULL);
        ind_sketch_add(s, xs[j] * (1 + alpha), NULL);
        double est = ind_sketch_quantile(s, 0.5);
        checked++;
        if (!(fabs(est - xs[j]) <= alpha * xs[j])) {
          if (!failed++) fprintf(stderr, "    alpha %g: x = %.17g, estimate %.17g\n", alpha, xs[j], est);
        } else if (fabs(est - xs[j]) / xs[j] / alpha > worst_rel)
          worst_rel = fabs(est - xs[j]) / xs[j] / alpha;
      }
    }
    char what[80];
    snprintf(what, sizeof what, "alpha %g: %d values at bucket boundaries within alpha", alpha, checked);
    check_report_(failed == 0, __FILE__, __LINE__, what);
    ind_sketch_free(s);
  }
}

/* The ends of the double range: DBL_MAX, numbers near DBL_MIN and subnormals.
 * With a = 0.05 the whole range fits in 16384 buckets, so nothing collapses;
 * subnormals (below min_indexable) count as zero, hence an exact 0. */
static void test_extremes(void) {
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(r, 5);
  size_t n = 100000;
  double *x = malloc(n * sizeof *x);
  for (size_t i = 0; i < n; i++) {
    double v = pow(10.0, gsl_ran_flat(r, -307.0, 308.0));
    x[i] = gsl_rng_uniform(r) < 0.5 ? -v : v;
  }
  double ends[] = {DBL_MAX, -DBL_MAX, 4 * DBL_MIN, -4 * DBL_MIN, 1e-310, -5e-324, 0.0};
  memcpy(x, ends, sizeof ends);
  ind_sketch *s = sketch_of(x, n, 0.05, 16384);
  qsort(x, n, sizeof *x, cmp_double);
  for (int k = 0; k <= 100; k++) {
    char what[64];
    snprintf(what, sizeof what, "extremes q=%g", k / 100.0);
    check_estimate(ind_sketch_quantile(s, k / 100.0), exact_quantile(x, n, k / 100.0), 0.05, what);
  }
  CHECK(!ind_sketch_collapsed(s));
  ind_sketch_free(s);
  /* only the tiny values: all zeros */
  double tiny[] = {1e-310, -1e-320, 0.0};
  s = sketch_of(tiny, 3, ALPHA, IND_SKETCH_DEFAULT_BUCKETS);
  CHECK_SAME(ind_sketch_quantile(s, 0.0), 0.0);
  CHECK_SAME(ind_sketch_quantile(s, 1.0), 0.0);
  ind_sketch_free(s);
  free(x);
  gsl_rng_free(r);
}

/* Same count and the same bits for every quantile (and bound flag). */
static void check_identical(const ind_sketch *a, const ind_sketch *b, const char *label) {
  char what[96];
  snprintf(what, sizeof what, "%s: counts", label);
  check_report_(ind_sketch_count(a) == ind_sketch_count(b), __FILE__, __LINE__, what);
  snprintf(what, sizeof what, "%s: collapsed", label);
  check_report_(ind_sketch_collapsed(a) == ind_sketch_collapsed(b), __FILE__, __LINE__, what);
  int differ = 0;
  for (int k = 0; k <= 1000; k++) {
    int oa, ob;
    double va = ind_sketch_quantile_checked(a, k / 1000.0, &oa);
    double vb = ind_sketch_quantile_checked(b, k / 1000.0, &ob);
    if (memcmp(&va, &vb, sizeof va) != 0 || oa != ob) {
      if (!differ) fprintf(stderr, "    q=%g: %.17g vs %.17g\n", k / 1000.0, va, vb);
      differ++;
    }
  }
  snprintf(what, sizeof what, "%s: 1001 quantiles bit for bit", label);
  check_report_(differ == 0, __FILE__, __LINE__, what);
}

static ind_sketch *merged(ind_sketch *parts[8], const int *order, double alpha, int cap) {
  ind_sketch *m = ind_sketch_alloc_capped(alpha, cap, NULL);
  for (int k = 0; k < 8; k++) CHECK(ind_sketch_merge(m, parts[order[k]], NULL) == IND_OK);
  return m;
}

/* A sketch built from all values in reverse order, and the 8 sketches of a
 * random partition (in forward order) merged sequentially in two orders and
 * as a tree, are the same sketch: counts are integers and the collapse rule
 * depends only on the highest index, so no grouping or order can show. Run
 * with the default cap and with a cap of 48 buckets, which collapses both
 * stores. Merging a sketch into itself counts every value twice. */
static void test_merge(void) {
  size_t n = 200000;
  double *x = malloc(n * sizeof *x);
  int *part = malloc(n * sizeof *part);
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(r, 42);
  for (size_t i = 0; i < n; i++) {
    double u = gsl_rng_uniform(r);
    x[i] = u < 0.1 ? 0.0 : u < 0.2 ? -gsl_ran_pareto(r, 1.0, 1.0) : d_normal(r) * 10.0;
    part[i] = (int)gsl_rng_uniform_int(r, 8);
  }
  static const int caps[] = {IND_SKETCH_DEFAULT_BUCKETS, 48};
  for (int c = 0; c < 2; c++) {
    int cap = caps[c];
    ind_sketch *whole = ind_sketch_alloc_capped(0.01, cap, NULL), *parts[8];
    for (size_t i = n; i-- > 0;) ind_sketch_add(whole, x[i], NULL);
    for (int k = 0; k < 8; k++) parts[k] = ind_sketch_alloc_capped(0.01, cap, NULL);
    for (size_t i = 0; i < n; i++) ind_sketch_add(parts[part[i]], x[i], NULL);
    static const int fwd[] = {0, 1, 2, 3, 4, 5, 6, 7}, scr[] = {5, 2, 7, 0, 3, 6, 1, 4};
    ind_sketch *m1 = merged(parts, fwd, 0.01, cap), *m2 = merged(parts, scr, 0.01, cap);
    for (int step = 1; step < 8; step *= 2) /* tree: (0+1)+(2+3) ... into parts[0] */
      for (int k = 0; k + step < 8; k += 2 * step) CHECK(ind_sketch_merge(parts[k], parts[k + step], NULL) == IND_OK);
    CHECK(ind_sketch_collapsed(whole) == (cap == 48));
    check_identical(whole, m1, cap == 48 ? "collapsed, sequential merge" : "sequential merge");
    check_identical(whole, m2, cap == 48 ? "collapsed, scrambled merge" : "scrambled merge");
    check_identical(whole, parts[0], cap == 48 ? "collapsed, tree merge" : "tree merge");
    /* a sketch merged into an empty one is that sketch, collapse flag included */
    ind_sketch *copy = ind_sketch_alloc_capped(0.01, cap, NULL);
    CHECK(ind_sketch_merge(copy, m2, NULL) == IND_OK);
    check_identical(copy, m2, "merged into an empty sketch");
    ind_sketch_free(copy);
    /* self-merge = every value added twice */
    ind_sketch *twice = ind_sketch_alloc_capped(0.01, cap, NULL);
    for (size_t i = 0; i < 2 * n; i++) ind_sketch_add(twice, x[i % n], NULL);
    CHECK(ind_sketch_merge(whole, whole, NULL) == IND_OK);
    check_identical(whole, twice, "self-merge");
    ind_sketch_free(twice);
    ind_sketch_free(whole);
    ind_sketch_free(m1);
    ind_sketch_free(m2);
    for (int k = 0; k < 8; k++) ind_sketch_free(parts[k]);
  }
  gsl_rng_free(r);
  free(part);
  free(x);
}

/* Memory depends on the range of the values, not on their number. Uniform on
 * [1, 10]: after 1e4 values the extremes are within 0.1 % of 1 and 10, so
 * 1e6 values add at most one bucket at either end, well inside the slack of
 * the array (arrays grow by max(8, need/16) buckets rounded up to 16): the
 * bytes must match to 2 buckets. Lognormal: the range itself grows (like
 * sqrt(log n)), and the array never exceeds the span of the range
 * log(max/min)/L + 2 buckets plus that slack. Values over 600 decades: the
 * cap (4096 per sign) bounds it. */
static void test_memory(void) {
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(r, 9);
  ind_sketch *s = ind_sketch_alloc(ALPHA, NULL);
  size_t empty = ind_sketch_bytes(s); /* the struct alone: arrays come with the first value */
  double L = log((1 + ALPHA) / (1 - ALPHA));

  size_t b4 = 0;
  for (size_t i = 1; i <= 1000000; i++) {
    ind_sketch_add(s, gsl_ran_flat(r, 1.0, 10.0), NULL);
    if (i == 10000) b4 = ind_sketch_bytes(s);
  }
  size_t b6 = ind_sketch_bytes(s);
  fprintf(stderr, "    uniform[1,10]: %zu bytes after 1e4 values, %zu after 1e6\n", b4, b6);
  CHECK(b6 <= b4 + 2 * sizeof(uint64_t));
  CHECK(b6 - empty <= sizeof(uint64_t) * (size_t)(log(10.0) / L + 2 + (log(10.0) / L + 2) / 16 + 8 + 15));
  ind_sketch_free(s);

  s = ind_sketch_alloc(ALPHA, NULL);
  double lo = INFINITY, hi = 0;
  for (size_t i = 1; i <= 1000000; i++) {
    double v = gsl_ran_lognormal(r, 0.0, 1.0);
    lo = fmin(lo, v), hi = fmax(hi, v);
    ind_sketch_add(s, v, NULL);
    if (i == 10000 || i == 1000000) {
      double span = log(hi / lo) / L + 2;
      size_t b = ind_sketch_bytes(s);
      fprintf(stderr, "    lognormal: %zu bytes after %zu values (range %.0f buckets)\n", b, i, span);
      CHECK(b - empty <= sizeof(uint64_t) * (size_t)(span + span / 16 + 8 + 15));
    }
  }
  ind_sketch_free(s);

  s = ind_sketch_alloc(ALPHA, NULL);
  for (size_t i = 0; i < 100000; i++) {
    double v = pow(10.0, gsl_ran_flat(r, -300.0, 300.0));
    ind_sketch_add(s, i % 2 ? v : -v, NULL);
  }
  CHECK(ind_sketch_bytes(s) - empty <= 2 * IND_SKETCH_DEFAULT_BUCKETS * sizeof(uint64_t));
  CHECK(ind_sketch_collapsed(s));
  ind_sketch_free(s);

  /* reset keeps the arrays: refilling the same range allocates nothing */
  s = ind_sketch_alloc(ALPHA, NULL);
  gsl_rng_set(r, 10);
  for (int i = 0; i < 10000; i++) ind_sketch_add(s, gsl_ran_flat(r, 1.0, 10.0), NULL);
  double med = ind_sketch_quantile(s, 0.5);
  size_t before = ind_sketch_bytes(s);
  ind_sketch_reset(s);
  CHECK_EQ_LONG(ind_sketch_count(s), 0);
  CHECK(isnan(ind_sketch_quantile(s, 0.5)));
  gsl_rng_set(r, 10);
  for (int i = 0; i < 10000; i++) ind_sketch_add(s, gsl_ran_flat(r, 1.0, 10.0), NULL);
  CHECK_SAME(ind_sketch_quantile(s, 0.5), med); /* the same values: the same sketch */
  CHECK_EQ_LONG(ind_sketch_bytes(s), before);
  ind_sketch_free(s);
  gsl_rng_free(r);
  ind_sketch_free(NULL);
}

/* NaN and infinities are refused and change nothing; bad parameters are
 * refused at allocation and at merge. */
static void test_refusals(void) {
  ind_err err = {0};
  ind_sketch *s = ind_sketch_alloc(ALPHA, &err);
  ind_sketch_add(s, 1.0, NULL);
  ind_sketch_add(s, 2.0, NULL);
  double bad[] = {NAN, INFINITY, -INFINITY};
  for (int k = 0; k < 3; k++) {
    ind_err_clear(&err);
    CHECK(ind_sketch_add(s, bad[k], &err) == IND_EINVAL);
    CHECK(err.code == IND_EINVAL);
    CHECK_HAS(err.msg, "not finite");
  }
  CHECK(ind_sketch_add(s, NAN, NULL) == IND_EINVAL); /* no err record: still refused */
  CHECK_EQ_LONG(ind_sketch_count(s), 2);
  CHECK_SAME(ind_sketch_quantile(s, 1.0), 2.0);

  double alphas[] = {0.0, -0.01, 0.6, NAN, 1e-7};
  for (int k = 0; k < 5; k++) {
    ind_err_clear(&err);
    CHECK(ind_sketch_alloc(alphas[k], &err) == NULL);
    CHECK(err.code == IND_EINVAL);
    CHECK_HAS(err.msg, "alpha");
  }
  CHECK(ind_sketch_alloc_capped(ALPHA, 0, &err) == NULL);
  CHECK_HAS(err.msg, "max_buckets");

  ind_sketch *other = ind_sketch_alloc(0.01, NULL), *capped = ind_sketch_alloc_capped(ALPHA, 100, NULL);
  ind_sketch_add(other, 5.0, NULL);
  ind_sketch_add(capped, 5.0, NULL);
  CHECK(ind_sketch_merge(s, other, &err) == IND_EINVAL);
  CHECK_HAS(err.msg, "alpha");
  CHECK(ind_sketch_merge(s, capped, &err) == IND_EINVAL);
  CHECK_EQ_LONG(ind_sketch_count(s), 2); /* unchanged */
  CHECK_SAME(ind_sketch_alpha(s), ALPHA);
  ind_sketch_free(other);
  ind_sketch_free(capped);
  ind_sketch_free(s);
}

/* An empty sketch has no quantiles (NaN, not within bound), nor has any
 * sketch for q outside [0, 1]; merging empties keeps it empty. */
static void test_empty(void) {
  ind_sketch *s = ind_sketch_alloc(ALPHA, NULL), *t = ind_sketch_alloc(ALPHA, NULL);
  int ok = 1;
  CHECK_EQ_LONG(ind_sketch_count(s), 0);
  CHECK(isnan(ind_sketch_quantile(s, 0.5)));
  CHECK(isnan(ind_sketch_quantile_checked(s, 0.0, &ok)) && ok == 0);
  CHECK(ind_sketch_merge(s, t, NULL) == IND_OK);
  CHECK(isnan(ind_sketch_quantile(s, 1.0)));
  ind_sketch_add(t, 3.0, NULL);
  CHECK(ind_sketch_merge(s, t, NULL) == IND_OK); /* into an empty one */
  CHECK_SAME(ind_sketch_quantile(s, 0.5), 3.0);
  CHECK(isnan(ind_sketch_quantile(s, -0.01)));
  CHECK(isnan(ind_sketch_quantile(s, 1.01)));
  CHECK(isnan(ind_sketch_quantile(s, NAN)));
  ind_sketch_free(s);
  ind_sketch_free(t);
}

/* Collapse, positive values: lognormal(0, sigma) with cap buckets. The top
 * bucket holds the maximum, about exp(4.3 sigma) for 1e5 values; the cap
 * keeps a factor gamma^cap below it. Quantiles above that keep the bound and
 * are flagged so; those below are flagged, and reported as the collapsed
 * bucket's representative, which over-estimates them (never below
 * exact (1 - alpha)) and stays below the lowest quantile outside it. With
 * negated values the mirror: the magnitudes near zero (upper quantiles)
 * collapse, and are reported more negative than exact (1 - alpha). */
static void check_collapse(const char *label, double sigma, double alpha, int cap, int nlow, double sign) {
  size_t n = 100000;
  double *x = malloc(n * sizeof *x);
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(r, 3);
  for (size_t i = 0; i < n; i++) x[i] = sign * gsl_ran_lognormal(r, 0.0, sigma);
  ind_sketch *s = sketch_of(x, n, alpha, cap);
  qsort(x, n, sizeof *x, cmp_double);
  CHECK(ind_sketch_collapsed(s));
  char what[96];
  for (size_t k = 0; k < NQ; k++) {
    size_t kk = sign > 0 ? k : NQ - 1 - k; /* collapsed quantiles: the first nlow from the small magnitudes */
    int ok;
    double q = QS[kk], est = ind_sketch_quantile_checked(s, q, &ok), want = exact_quantile(x, n, q);
    snprintf(what, sizeof what, "%s q=%g %s", label, q, k < (size_t)nlow ? "collapsed" : "within bound");
    if (k < (size_t)nlow) {
      double next = exact_quantile(x, n, QS[sign > 0 ? (size_t)nlow : NQ - 1 - (size_t)nlow]);
      check_report_(!ok && sign * est >= sign * want * (1 - alpha) && sign * est <= sign * next, __FILE__,
                    __LINE__, what);
    } else {
      check_report_(ok, __FILE__, __LINE__, what);
      check_rel_(est, want, alpha, __FILE__, __LINE__, what);
    }
  }
  ind_sketch_free(s);
  gsl_rng_free(r);
  free(x);
}

/* sigma 0.5, 140 buckets of a = 0.01: the cap covers a factor e^2.8, the
 * maximum is about e^2.2, so values below ~0.55 collapse: the 1 % and 5 %
 * quantiles (0.31, 0.44), not the 25 % one (0.71). The default cap at a =
 * 0.005 covers e^41; with sigma 10 the maximum is about e^43, so quantiles
 * up to the median (e^0) collapse and 75, 95, 99 % (e^6.7 and more) keep the
 * bound. */
static void test_collapse(void) {
  check_collapse("lognormal(0,0.5) cap 140", 0.5, 0.01, 140, 2, 1.0);
  check_collapse("-lognormal(0,0.5) cap 140", 0.5, 0.01, 140, 2, -1.0);
  check_collapse("lognormal(0,10) default cap", 10.0, ALPHA, IND_SKETCH_DEFAULT_BUCKETS, 4, 1.0);
  /* one bucket: everything collapses into the maximum's bucket, flagged;
   * the median 10 comes out as that bucket's value, within alpha of 100 */
  double x[] = {1.0, 10.0, 100.0};
  ind_sketch *s = sketch_of(x, 3, ALPHA, 1);
  int ok = 1;
  CHECK_REL(ind_sketch_quantile_checked(s, 0.5, &ok), 100.0, ALPHA);
  CHECK(!ok && ind_sketch_collapsed(s));
  ind_sketch_free(s);
}

int main(void) {
  gsl_set_error_handler_off();
  test_ordering();
  test_boundaries();
  test_empty();
  test_refusals();
  test_extremes();
  test_merge();
  test_memory();
  test_collapse();
  test_accuracy();
  fprintf(stderr, "    largest relative error seen: %.3f alpha\n", worst_rel);
  return check_summary("test_sketch");
}
