/* test_sens.c — sensitivity analysis (ind_sens): Sobol indices against
 * closed forms (Ishigami on the Sobol sequence and on pseudo-random points, a
 * 64-input linear function (the case that showed Halton's bias), a linear
 * function), failed points, several outputs at once against separate runs
 * (bit for bit), invariance to a constant added to f, one-at-a-time swings
 * against hand-computed values, and refusals.
 *
 * Ishigami: f = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i = −π + 2π u_i
 * uniform on (−π, π). With E sin x = 0, E sin² x = 1/2, E sin⁴ x = 3/8,
 * E x⁴ = π⁴/5, E x⁸ = π⁸/9, the ANOVA terms are
 *   f1(x1) = E[f | x1] − E f = (1 + bπ⁴/5) sin x1      V1 = (1 + bπ⁴/5)²/2
 *   f2(x2) = a (sin² x2 − 1/2)                          V2 = a² (3/8 − 1/4) = a²/8
 *   f3(x3) = E[b x3⁴ sin x1 | x3] − … = 0               V3 = 0
 *   f13    = b sin x1 (x3⁴ − π⁴/5)                      V13 = b²/2 · (π⁸/9 − π⁸/25)
 *                                                           = 8 b² π⁸ / 225
 * and no other term, so V = V1 + V2 + V13 = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2
 * (b²π⁸/50 + 8b²π⁸/225 = b²π⁸/18), VT1 = V1 + V13, VT2 = V2, VT3 = V13.
 * With a = 7, b = 0.1: S1 = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437).
 *
 * Linear: f = Σ c_i u_i, u_i independent uniform: f_i = c_i (u_i − 1/2),
 * V_i = c_i²/12, no interaction, so S1_i = ST_i = c_i² / Σ c_j².
 *
 * Intervals are bootstrap percentile intervals that treat the quasi-random
 * rows as independent, so they are wider than the sequence's actual error:
 * the exact value is checked to lie inside each one, unwidened. */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_qrng.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "ind_sens.h"

#define ISH_A 7.0
#define ISH_B 0.1

/* ---- functions under analysis ---- */

static double ishigami(const double *u) {
  double x1 = -M_PI + 2.0 * M_PI * u[0], x2 = -M_PI + 2.0 * M_PI * u[1], x3 = -M_PI + 2.0 * M_PI * u[2];
  double s2 = sin(x2);
  return sin(x1) + ISH_A * s2 * s2 + ISH_B * x3 * x3 * x3 * x3 * sin(x1);
}

/* Ishigami of the first 3 inputs, whatever d (the rest are dummies). */
static int f_ishigami(void *ud, const double *u, double *y) {
  (void)ud;
  y[0] = ishigami(u);
  return 0;
}

typedef struct linear {
  int d;
  const double *c;
  double shift;
} linear;

static double linear_value(const linear *l, const double *u) {
  double s = l->shift;
  for (int i = 0; i < l->d; i++) s += l->c[i] * u[i];
  return s;
}

static int f_linear(void *ud, const double *u, double *y) {
  y[0] = linear_value(ud, u);
  return 0;
}

/* Ishigami and the linear function of the same 3 inputs as two outputs. */
static int f_both(void *ud, const double *u, double *y) {
  y[0] = ishigami(u);
  y[1] = linear_value(ud, u);
  return 0;
}

static int f_ishigami_shifted(void *ud, const double *u, double *y) {
  y[0] = ishigami(u) + *(const double *)ud;
  return 0;
}

/* The linear function, failing (or, with nan set, giving NaN) when input
 * `dummy` (which it ignores) is below cut. */
typedef struct failing {
  linear lin;
  int dummy, nan;
  double cut;
} failing;

static int f_failing(void *ud, const double *u, double *y) {
  const failing *fl = ud;
  if (u[fl->dummy] < fl->cut) {
    if (!fl->nan) return 1;
    y[0] = NAN;
    return 0;
  }
  y[0] = linear_value(&fl->lin, u);
  return 0;
}

/* Counts calls and points not strictly inside (0, 1)^d. */
typedef struct counting {
  int d;
  long calls, outside;
} counting;

static int f_counting(void *ud, const double *u, double *y) {
  counting *c = ud;
  c->calls++;
  for (int i = 0; i < c->d; i++) c->outside += !(u[i] > 0.0 && u[i] < 1.0);
  y[0] = u[0] + 2.0 * u[c->d - 1];
  y[1] = 42.0; /* constant output: variance 0 */
  return 0;
}

static int f_never(void *ud, const double *u, double *y) {
  (void)ud, (void)u, (void)y;
  return 1;
}

static int f_trivial(void *ud, const double *u, double *y) {
  (void)ud;
  y[0] = u[0] + u[1] * u[2];
  return 0;
}

/* ---- helpers ---- */

static ind_sobol *run_at(int d, int nout, ind_sens_fn f, void *ud, long n, uint64_t seed, double level) {
  ind_err err = {0};
  ind_sobol *s = NULL;
  ind_sobol_opts o = {.n = n, .seed = seed, .level = level};
  ind_status st = ind_sobol_run(d, nout, f, ud, &o, &s, &err);
  if (!CHECK(st == IND_OK && s != NULL)) {
    fprintf(stderr, "    %s\n", err.msg);
    exit(1);
  }
  return s;
}

static ind_sobol *run(int d, int nout, ind_sens_fn f, void *ud, long n, uint64_t seed) {
  return run_at(d, nout, f, ud, n, seed, 0.0);
}

/* Index c (i·nout + k) of kind "S1" or "ST": within tol of exact, and both
 * the estimate and the exact value inside the interval. */
static void check_index(const char *label, const char *kind, int i, double est, double lo, double hi, double exact,
                        double tol) {
  char what[160];
  fprintf(stderr, "    %-22s %s_%d = %8.5f  exact %8.5f  error %+8.5f  interval [%8.5f, %8.5f]\n", label, kind,
          i + 1, est, exact, est - exact, lo, hi);
  snprintf(what, sizeof what, "%s %s_%d ~ exact", label, kind, i + 1);
  check_abs_(est, exact, tol, __FILE__, __LINE__, what);
  snprintf(what, sizeof what, "%s %s_%d = %g inside [%g, %g]", label, kind, i + 1, est, lo, hi);
  check_report_(lo <= est && est <= hi, __FILE__, __LINE__, what);
  snprintf(what, sizeof what, "%s exact %s_%d = %g inside [%g, %g]", label, kind, i + 1, exact, lo, hi);
  check_report_(lo <= exact && exact <= hi, __FILE__, __LINE__, what);
}

/* Every S1 and ST of output k for inputs 0..m-1 against exact values. */
static void check_indices(const char *label, const ind_sobol *s, int k, int m, const double *s1, const double *st,
                          double tol) {
  for (int i = 0; i < m; i++) {
    int c = i * s->nout + k;
    check_index(label, "S1", i, s->s1[c], s->s1_lo[c], s->s1_hi[c], s1[i], tol);
    check_index(label, "ST", i, s->st[c], s->st_lo[c], s->st_hi[c], st[i], tol);
  }
}

static void ishigami_exact(double *s1, double *st, double *v) {
  double p4 = pow(M_PI, 4), p8 = pow(M_PI, 8);
  double V = ISH_A * ISH_A / 8 + ISH_B * p4 / 5 + ISH_B * ISH_B * p8 / 18 + 0.5;
  double V1 = 0.5 * pow(1 + ISH_B * p4 / 5, 2), V2 = ISH_A * ISH_A / 8, V13 = 8 * ISH_B * ISH_B * p8 / 225;
  s1[0] = V1 / V, s1[1] = V2 / V, s1[2] = 0.0;
  st[0] = (V1 + V13) / V, st[1] = V2 / V, st[2] = V13 / V;
  *v = V;
}

static void linear_exact(const double *c, int d, double *s) {
  double sum = 0.0;
  for (int i = 0; i < d; i++) sum += c[i] * c[i];
  for (int i = 0; i < d; i++) s[i] = c[i] * c[i] / sum;
}

/* ---- Sobol indices ---- */

/* 1. Ishigami on the Sobol sequence (2d = 6). */
static void test_ishigami(void) {
  double s1[3], st[3], V;
  ishigami_exact(s1, st, &V);
  ind_sobol *s = run(3, 1, f_ishigami, NULL, 4096, 1);
  CHECK(!s->random_points);
  CHECK_EQ_LONG(s->n, 4096);
  CHECK_EQ_LONG(s->failed, 0);
  CHECK_EQ_LONG(s->nboot, 200);
  CHECK_SAME(s->level, 0.9);
  check_indices("ishigami sobol", s, 0, 3, s1, st, 0.03);
  CHECK_ABS(s->mean[0], ISH_A / 2, 0.02); /* E f = a E sin² x2 */
  CHECK_REL(s->var[0], V, 0.02);
  fprintf(stderr, "    mean %.5f (exact %.5f), variance %.5f (exact %.5f)\n", s->mean[0], ISH_A / 2, s->var[0], V);
  ind_sobol_free(s);
}

/* 2. Ishigami among 20 dummies: 2d = 46 > 40, pseudo-random points. A dummy
 * i leaves f(AB^i) = f(A) bit for bit, so its S1 and ST are exactly 0 (and
 * so their every bootstrap replicate). Plain Monte Carlo at N = 16384: the
 * indices within 0.03 and inside their 99 % intervals (at 90 %, one of the six
 * outside would be no surprise). */
static void test_random_points(void) {
  double s1[3], st[3], V;
  ishigami_exact(s1, st, &V);
  ind_sobol *s = run_at(23, 1, f_ishigami, NULL, 16384, 2, 0.99);
  CHECK(s->random_points);
  CHECK_EQ_LONG(s->failed, 0);
  check_indices("ishigami, pseudo-random points", s, 0, 3, s1, st, 0.03);
  for (int i = 3; i < 23; i++) {
    CHECK_SAME(s->s1[i], 0.0);
    CHECK_SAME(s->st[i], 0.0);
    CHECK(s->s1_lo[i] == 0.0 && s->s1_hi[i] == 0.0 && s->st_lo[i] == 0.0 && s->st_hi[i] == 0.0);
  }
  ind_sobol_free(s);
  /* the switch is at 2d = 40: d = 20 Sobol, d = 21 pseudo-random */
  s = run(20, 1, f_ishigami, NULL, 64, 1);
  CHECK(!s->random_points);
  ind_sobol_free(s);
  s = run(21, 1, f_ishigami, NULL, 64, 1);
  CHECK(s->random_points);
  ind_sobol_free(s);
}

/* 2b. Many inputs, all of them active (the case the Hanoi scenarios are: 64
 * uncertain numbers): f = Σ c_i u_i with c = 1, 1, 1, 1 then ±0.3
 * alternating, S1 = ST = c_i² / Σ c_j² (4 + 60·0.09 = 9.4: 0.1064 and
 * 0.009574). GSL's Halton sequence, used here once, put S1 up to 0.23 off
 * with 60 of the 64 exact values outside their 90 % intervals (its columns
 * rise together at N below the primes). Now: within 0.03, and the exact value
 * inside the 90 % interval for at least 80 % of the 2 × 64 indices. */
static void test_many_inputs(void) {
  enum { D = 64 };
  double c[D], s[D];
  for (int i = 0; i < D; i++) c[i] = i < 4 ? 1.0 : (i % 2 ? 0.3 : -0.3);
  linear_exact(c, D, s);
  CHECK_REL(s[0], 1.0 / 9.4, 1e-12);
  linear lin = {D, c, 0.0};
  ind_sobol *r = run(D, 1, f_linear, &lin, 4096, 5);
  CHECK(r->random_points);
  int inside = 0;
  for (int i = 0; i < D; i++) {
    CHECK_ABS(r->s1[i], s[i], 0.03);
    CHECK_ABS(r->st[i], s[i], 0.03);
    inside += s[i] >= r->s1_lo[i] && s[i] <= r->s1_hi[i];
    inside += s[i] >= r->st_lo[i] && s[i] <= r->st_hi[i];
  }
  fprintf(stderr, "    64 inputs: %d of 128 exact indices inside their 90 %% intervals\n", inside);
  CHECK(inside >= (int)(0.8 * 2 * D));
  ind_sobol_free(r);
}

/* 3. A linear function: S1 = ST = c_i² / Σ c_j². */
static void test_linear(void) {
  const double c[] = {1.0, -2.0, 3.0, 0.5};
  double s[4];
  linear_exact(c, 4, s);
  linear lin = {4, c, 0.0};
  ind_sobol *r = run(4, 1, f_linear, &lin, 4096, 3);
  check_indices("linear", r, 0, 4, s, s, 0.01);
  ind_sobol_free(r);
}

/* 5. The linear function of inputs 1..3 with a dummy input 4 failing (or
 * giving NaN) below 0.25: a row is dropped when its A or its B has input 4
 * below 0.25 (every AB^i takes input 4 from A or B). The rows are counted
 * here on GSL's sequence, made as the header says (point j = the j-th
 * point, none off the open cube at these sizes); the fraction is near
 * 1 − 0.75² = 0.4375. */
static long rows_failing(int d, int col, double cut, long n) {
  gsl_qrng *q = gsl_qrng_alloc(gsl_qrng_sobol, (unsigned)(2 * d));
  double p[2 * 4];
  long bad = 0;
  for (long j = 0; j < n; j++) {
    gsl_qrng_get(q, p);
    bad += p[col] < cut || p[d + col] < cut;
  }
  gsl_qrng_free(q);
  return bad;
}

static void test_failures(void) {
  const double c[] = {1.0, 2.0, 3.0, 0.0};
  double s[4];
  linear_exact(c, 4, s);
  failing fl = {{4, c, 0.0}, 3, 0, 0.25};
  long n = 4096, want = rows_failing(4, 3, 0.25, n);
  ind_sobol *r = run(4, 1, f_failing, &fl, n, 5);
  fprintf(stderr, "    failing rows: %ld of %ld (%.4f; 1 - 0.75^2 = 0.4375), expected %ld\n", r->failed, n,
          (double)r->failed / (double)n, want);
  CHECK_EQ_LONG(r->failed, want);
  CHECK_EQ_LONG(r->n, n - want);
  CHECK_ABS((double)r->failed / (double)n, 0.4375, 0.01);
  check_indices("linear, failures", r, 0, 3, s, s, 0.01);
  CHECK_SAME(r->s1[3], 0.0);
  CHECK_SAME(r->st[3], 0.0);
  /* NaN instead of a failure status: the same rows dropped, the same numbers */
  fl.nan = 1;
  ind_sobol *q = run(4, 1, f_failing, &fl, n, 5);
  CHECK_EQ_LONG(q->failed, want);
  for (int i = 0; i < 4; i++) {
    CHECK_SAME(q->s1[i], r->s1[i]);
    CHECK_SAME(q->st_hi[i], r->st_hi[i]);
  }
  ind_sobol_free(q);
  ind_sobol_free(r);
}

/* Every array of output ka of a against output kb of b, bit for bit. */
static void check_same_output(const ind_sobol *a, int ka, const ind_sobol *b, int kb) {
  CHECK_SAME(a->mean[ka], b->mean[kb]);
  CHECK_SAME(a->var[ka], b->var[kb]);
  for (int i = 0; i < a->d; i++) {
    int ca = i * a->nout + ka, cb = i * b->nout + kb;
    CHECK_SAME(a->s1[ca], b->s1[cb]);
    CHECK_SAME(a->st[ca], b->st[cb]);
    CHECK_SAME(a->s1_lo[ca], b->s1_lo[cb]);
    CHECK_SAME(a->s1_hi[ca], b->s1_hi[cb]);
    CHECK_SAME(a->st_lo[ca], b->st_lo[cb]);
    CHECK_SAME(a->st_hi[ca], b->st_hi[cb]);
  }
}

/* 6. Ishigami and a linear function as two outputs of one run against two
 * runs (same points, same resamples). */
static void test_outputs(void) {
  const double c[] = {1.0, 2.0, 3.0};
  double s1[3], st[3], V, s[3];
  ishigami_exact(s1, st, &V);
  linear_exact(c, 3, s);
  linear lin = {3, c, 0.0};
  ind_sobol *both = run(3, 2, f_both, &lin, 4096, 6);
  ind_sobol *ish = run(3, 1, f_ishigami, NULL, 4096, 6);
  ind_sobol *lr = run(3, 1, f_linear, &lin, 4096, 6);
  check_same_output(both, 0, ish, 0);
  check_same_output(both, 1, lr, 0);
  check_indices("two outputs: ishigami", both, 0, 3, s1, st, 0.03);
  check_indices("two outputs: linear", both, 1, 3, s, s, 0.01);
  ind_sobol_free(both);
  ind_sobol_free(ish);
  ind_sobol_free(lr);
}

/* Adding 10^6 to f changes no index beyond rounding (the first-order
 * estimator is centred); the same seed gives the same numbers, another seed
 * the same estimates with other intervals. */
static void test_invariance(void) {
  double shift = 1e6;
  ind_sobol *a = run(3, 1, f_ishigami, NULL, 4096, 7);
  ind_sobol *b = run(3, 1, f_ishigami_shifted, &shift, 4096, 7);
  ind_sobol *again = run(3, 1, f_ishigami, NULL, 4096, 7);
  ind_sobol *other = run(3, 1, f_ishigami, NULL, 4096, 8);
  check_same_output(a, 0, again, 0);
  for (int i = 0; i < 3; i++) {
    CHECK_ABS(b->s1[i], a->s1[i], 1e-6);
    CHECK_ABS(b->st[i], a->st[i], 1e-6);
    CHECK_ABS(b->s1_lo[i], a->s1_lo[i], 1e-6);
    CHECK_SAME(other->s1[i], a->s1[i]);
  }
  CHECK(other->s1_lo[0] != a->s1_lo[0] || other->st_hi[0] != a->st_hi[0]);
  ind_sobol_free(a);
  ind_sobol_free(b);
  ind_sobol_free(again);
  ind_sobol_free(other);
}

/* f is called N (d + 2) times, at points strictly inside (0, 1)^d, on both
 * sequences; a constant output has variance 0 and NaN indices. */
static void test_points(void) {
  for (int d = 2; d <= 30; d += 28) {
    counting c = {d, 0, 0};
    ind_sobol *s = run(d, 2, f_counting, &c, 1000, 1);
    CHECK_EQ_LONG(c.calls, 1000L * (d + 2));
    CHECK_EQ_LONG(c.outside, 0);
    CHECK_SAME(s->mean[1], 42.0);
    CHECK_SAME(s->var[1], 0.0);
    CHECK(isnan(s->s1[1]) && isnan(s->st[1]) && isnan(s->s1_lo[1]) && isnan(s->st_hi[1]));
    CHECK(isfinite(s->s1[0]));
    ind_sobol_free(s);
  }
}

static void check_refused(int d, int nout, ind_sens_fn f, ind_sobol_opts o, ind_status want, const char *needle) {
  ind_err err = {0};
  ind_sobol *s = (ind_sobol *)&err; /* must come back NULL */
  CHECK_EQ_LONG(ind_sobol_run(d, nout, f, NULL, &o, &s, &err), want);
  CHECK(s == NULL);
  CHECK_HAS(err.msg, needle);
}

static void test_refusals(void) {
  ind_sobol_opts ok = {.n = 16};
  check_refused(0, 1, f_ishigami, ok, IND_EINVAL, "d = 0");
  check_refused(10001, 1, f_ishigami, ok, IND_EINVAL, "1 to 10000");
  check_refused(3, 0, f_ishigami, ok, IND_EINVAL, "nout = 0");
  check_refused(3, 1, NULL, ok, IND_EINVAL, "a function");
  check_refused(3, 1, f_ishigami, (ind_sobol_opts){.n = 1}, IND_EINVAL, "n = 1");
  check_refused(3, 1, f_ishigami, (ind_sobol_opts){.n = 1L << 30}, IND_EINVAL, "2 to");
  check_refused(3, 1, f_ishigami, (ind_sobol_opts){.n = 16, .nboot = -1}, IND_EINVAL, "nboot = -1");
  check_refused(3, 1, f_ishigami, (ind_sobol_opts){.n = 16, .level = 1.0}, IND_EINVAL, "level = 1");
  check_refused(3, 1, f_ishigami, (ind_sobol_opts){.n = 16, .level = NAN}, IND_EINVAL, "level = nan");
  check_refused(3, 1, f_never, ok, IND_ENUMERIC, "failed in 16 of the 16");
  check_refused(3, (int)(1 << 30), f_ishigami, (ind_sobol_opts){.n = 1L << 29}, IND_ENOMEM, "addressed");
  CHECK_EQ_LONG(ind_sobol_run(3, 1, f_ishigami, NULL, NULL, NULL, NULL), IND_EINVAL);
  ind_sobol_free(NULL);
  ind_sobol *s = run(1000, 1, f_ishigami, NULL, 4, 1);
  CHECK(s->random_points);
  ind_sobol_free(s);
}

/* ---- one at a time ---- */

/* f = 2 u1 + u2² (input 3 a dummy); fails at u2 = hi when told to. */
static int f_oat(void *ud, const double *u, double *y) {
  const double *fail_at = ud;
  if (fail_at && u[1] == *fail_at) return 1;
  y[0] = 2.0 * u[0] + u[1] * u[1];
  y[1] = -u[2];
  return 0;
}

/* 4. Dyadic lo and hi make every value exact in binary: centre 2·0.5 +
 * 0.25 = 1.25; input 1 at 1/8: 0.25 + 0.25 = 0.5, at 7/8: 1.75 + 0.25 = 2;
 * input 2 at 1/8: 1 + 1/64 = 1.015625, at 7/8: 1 + 49/64 = 1.765625. */
static void test_oat(void) {
  double center[2], sw[3 * 2 * 2];
  ind_err err = {0};
  CHECK_EQ_LONG(ind_sens_oat(3, 2, f_oat, NULL, 0.125, 0.875, center, sw, &err), IND_OK);
  const double want[] = {0.5, -0.5, 2.0, -0.5, 1.015625, -0.5, 1.765625, -0.5, 1.25, -0.125, 1.25, -0.875};
  CHECK_SAME(center[0], 1.25);
  CHECK_SAME(center[1], -0.5);
  for (int c = 0; c < 12; c++) CHECK_SAME(sw[c], want[c]);
  /* 0.05 and 0.95: 0.35, 2.15, 1.0025, 1.9025 to within one rounding */
  CHECK_EQ_LONG(ind_sens_oat(3, 2, f_oat, NULL, 0.05, 0.95, center, sw, &err), IND_OK);
  CHECK_REL(sw[0], 0.35, 4e-16);
  CHECK_REL(sw[2], 2.15, 4e-16);
  CHECK_REL(sw[4], 1.0025, 4e-16);
  CHECK_REL(sw[6], 1.9025, 4e-16);
  /* a failing point: NaN there, the others kept, and a message */
  double hi = 0.875;
  CHECK_EQ_LONG(ind_sens_oat(3, 2, f_oat, &hi, 0.125, 0.875, center, sw, &err), IND_ENUMERIC);
  CHECK_HAS(err.msg, "failed at 1 of 7 points, the first with input 2 at hi = 0.875");
  CHECK(isnan(sw[6]) && isnan(sw[7]));
  CHECK_SAME(sw[4], 1.015625);
  CHECK_SAME(center[0], 1.25);
  /* refusals */
  CHECK_EQ_LONG(ind_sens_oat(3, 2, f_oat, NULL, 0.5, 0.5, center, sw, &err), IND_EINVAL);
  CHECK_HAS(err.msg, "0 < lo < hi < 1");
  CHECK_EQ_LONG(ind_sens_oat(3, 2, f_oat, NULL, 0.0, 0.9, center, sw, &err), IND_EINVAL);
  CHECK_EQ_LONG(ind_sens_oat(3, 2, f_oat, NULL, NAN, 0.9, center, sw, &err), IND_EINVAL);
  CHECK_EQ_LONG(ind_sens_oat(0, 2, f_oat, NULL, 0.1, 0.9, center, sw, &err), IND_EINVAL);
  CHECK_EQ_LONG(ind_sens_oat(3, 2, f_oat, NULL, 0.1, 0.9, NULL, sw, &err), IND_EINVAL);
}

/* ---- timing ---- */

static double seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* N = 4096, d = 43 (pseudo-random points), a trivial f: the scheme's own cost. */
static void test_timing(void) {
  double t0 = seconds();
  ind_sobol *s = run(43, 1, f_trivial, NULL, 4096, 1);
  fprintf(stderr, "    N = 4096, d = 43, trivial f, 200 resamples: %.3f s (%ld calls)\n", seconds() - t0,
          4096L * 45);
  CHECK(s->random_points);
  ind_sobol_free(s);
}

int main(void) {
  gsl_set_error_handler_off();
  test_ishigami();
  test_random_points();
  test_many_inputs();
  test_linear();
  test_oat();
  test_failures();
  test_outputs();
  test_invariance();
  test_points();
  test_refusals();
  test_timing();
  return check_summary("test_sens");
}
