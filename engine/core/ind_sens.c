/* ind_sens.c — the sensitivity analyses of ind_sens.h: one-at-a-time swings,
 * and Sobol indices by Saltelli's scheme on GSL's Sobol sequence (gsl_qrng;
 * mt19937 pseudo-random points beyond its 40 dimensions), with bootstrap intervals (GSL's mt19937 seeded through
 * ind_stream_seed, gsl_sort and GSL's sorted-data quantiles). Every size is
 * checked here before a GSL call, so none can reach GSL's error handler
 * except on a failed allocation. Single-threaded, no state between calls. */
#include "ind_sens.h"

#include <gsl/gsl_qrng.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ind_draw.h"

#define DEFAULT_NBOOT 200
#define DEFAULT_LEVEL 0.9
#define MAX_NBOOT 1000000
#define MAX_N ((1L << 30) - 1) /* GSL's Sobol sequence has 2^30 points */
#define MAX_SKIP 64            /* points off the open cube tolerated in a row (none seen with GSL) */

/* f at u into y: 0, or 1 when f fails or leaves an output non-finite. */
static int eval_point(ind_sens_fn f, void *ud, const double *u, int nout, double *y) {
  for (int k = 0; k < nout; k++) y[k] = NAN; /* an output f does not write fails the point */
  if (f(ud, u, y)) return 1;
  for (int k = 0; k < nout; k++)
    if (!isfinite(y[k])) return 1;
  return 0;
}

static void fill_nan(double *y, int n) {
  for (int k = 0; k < n; k++) y[k] = NAN;
}

/* ---- one at a time ---- */

static ind_status oat_check(int d, int nout, ind_sens_fn f, double lo, double hi, const double *center,
                            const double *swings, ind_err *err) {
  if (d < 1 || nout < 1 || !f || !center || !swings)
    return ind_err_set(err, IND_EINVAL, "one-at-a-time: d >= 1 inputs, nout >= 1 outputs, a function and two "
                                        "output arrays expected (got d = %d, nout = %d)", d, nout);
  if (!(lo > 0.0 && lo < hi && hi < 1.0)) /* false for NaN */
    return ind_err_set(err, IND_EINVAL, "one-at-a-time: 0 < lo < hi < 1 expected (got lo = %g, hi = %g)", lo, hi);
  return IND_OK;
}

/* Evaluates point `at` (-1: the centre; else 2i + 0|1) into y; NaN on failure,
 * noted in *nfail and *first. */
static void oat_point(ind_sens_fn f, void *ud, const double *u, int nout, double *y, int at, int *nfail,
                      int *first) {
  if (!eval_point(f, ud, u, nout, y)) return;
  fill_nan(y, nout);
  if ((*nfail)++ == 0) *first = at;
}

ind_status ind_sens_oat(int d, int nout, ind_sens_fn f, void *ud, double lo, double hi, double *center,
                        double *swings, ind_err *err) {
  ind_status st = oat_check(d, nout, f, lo, hi, center, swings, err);
  if (st) return st;
  double *u = malloc((size_t)d * sizeof *u);
  if (!u) return ind_err_set(err, IND_ENOMEM, "out of memory for a one-at-a-time analysis");
  for (int i = 0; i < d; i++) u[i] = 0.5;
  int nfail = 0, first = -1;
  oat_point(f, ud, u, nout, center, -1, &nfail, &first);
  for (int i = 0; i < d; i++) {
    for (int side = 0; side < 2; side++) {
      u[i] = side ? hi : lo;
      oat_point(f, ud, u, nout, swings + ((size_t)i * 2 + (size_t)side) * (size_t)nout, 2 * i + side, &nfail,
                &first);
    }
    u[i] = 0.5;
  }
  free(u);
  if (!nfail) return IND_OK;
  if (first < 0)
    return ind_err_set(err, IND_ENUMERIC, "one-at-a-time: f failed at %d of %d points, the first at the centre",
                       nfail, 2 * d + 1);
  return ind_err_set(err, IND_ENUMERIC, "one-at-a-time: f failed at %d of %d points, the first with input %d at %s = %g",
                     nfail, 2 * d + 1, first / 2 + 1, first % 2 ? "hi" : "lo", first % 2 ? hi : lo);
}

/* ---- Sobol indices: arguments ---- */

typedef struct settings {
  long n;
  int nboot;
  double level;
} settings;

#define MAX_INPUTS 10000
#define SOBOL_MAX_INPUTS ((int)(gsl_qrng_sobol->max_dimension / 2))

/* A 32-bit mt19937 seed from a 64-bit stream seed. */
static void rng_seed(gsl_rng *rng, uint64_t seed, const char *stream) {
  uint64_t s64 = ind_stream_seed(seed, 0, stream);
  gsl_rng_set(rng, (unsigned long)((s64 ^ (s64 >> 32)) & 0xffffffffu)); /* mt19937 takes 32 bits */
}

/* Checks the arguments and that every array fits in size_t; fills cfg. */
static ind_status sobol_check(int d, int nout, ind_sens_fn f, const ind_sobol_opts *o, ind_sobol **out,
                              settings *cfg, ind_err *err) {
  if (!f || !o || !out)
    return ind_err_set(err, IND_EINVAL, "Sobol indices: a function, options and a result pointer expected");
  if (d < 1 || d > MAX_INPUTS)
    return ind_err_set(err, IND_EINVAL, "Sobol indices: d = %d inputs; 1 to %d allowed", d, MAX_INPUTS);
  if (nout < 1) return ind_err_set(err, IND_EINVAL, "Sobol indices: nout = %d outputs; at least 1 expected", nout);
  if (o->n < 2 || o->n > MAX_N)
    return ind_err_set(err, IND_EINVAL, "Sobol indices: n = %ld base points; 2 to %ld expected", o->n, MAX_N);
  if (o->nboot < 0 || o->nboot > MAX_NBOOT)
    return ind_err_set(err, IND_EINVAL, "Sobol indices: nboot = %d resamples; 0 (default %d) to %d expected",
                       o->nboot, DEFAULT_NBOOT, MAX_NBOOT);
  if (o->level != 0.0 && !(o->level > 0.0 && o->level < 1.0))
    return ind_err_set(err, IND_EINVAL, "Sobol indices: level = %g; 0 (default %g) or a number in (0, 1) expected",
                       o->level, DEFAULT_LEVEL);
  cfg->n = o->n;
  cfg->nboot = o->nboot ? o->nboot : DEFAULT_NBOOT;
  cfg->level = o->level != 0.0 ? o->level : DEFAULT_LEVEL;
  size_t cap = SIZE_MAX / sizeof(double) / (size_t)nout / ((size_t)d + 2); /* values: N (d + 2) nout */
  size_t rcap = SIZE_MAX / sizeof(double) / (size_t)nout / (2 * (size_t)d); /* replicates: 2 d nout nboot */
  if ((size_t)cfg->n > cap || (size_t)cfg->nboot > rcap)
    return ind_err_set(err, IND_ENOMEM, "Sobol indices: n = %ld, d = %d, nout = %d, nboot = %d need more memory "
                       "than can be addressed", cfg->n, d, nout, cfg->nboot);
  return IND_OK;
}

/* ---- Sobol indices: the sample ---- */

/* The values of f: y[(k (d + 2) + m) N + j] for output k, matrix m (0: A,
 * 1: B, 2 + i: AB^i) and row j; rows[0..n) the rows kept. */
typedef struct sample {
  int d, nout, random_points;
  long N, n;
  double *y;
  long *rows;
} sample;

static void sample_free(sample *s) {
  free(s->y);
  free(s->rows);
}

static ind_status sample_alloc(sample *s, int d, int nout, long N, ind_err *err) {
  *s = (sample){.d = d, .nout = nout, .N = N};
  s->y = malloc((size_t)N * ((size_t)d + 2) * (size_t)nout * sizeof *s->y);
  s->rows = malloc((size_t)N * sizeof *s->rows);
  if (s->y && s->rows) return IND_OK;
  sample_free(s);
  return ind_err_set(err, IND_ENOMEM, "out of memory for %ld × %d values of f (Sobol indices)", N, d + 2);
}

/* The next point of q strictly inside (0, 1)^dim into p. */
static ind_status next_point(gsl_qrng *q, int dim, double *p, ind_err *err) {
  for (int tries = 0; tries <= MAX_SKIP; tries++) {
    if (gsl_qrng_get(q, p)) break;
    int inside = 1;
    for (int c = 0; c < dim && inside; c++) inside = p[c] > 0.0 && p[c] < 1.0;
    if (inside) return IND_OK;
  }
  return ind_err_set(err, IND_ENUMERIC, "Sobol indices: GSL's %s sequence gave no point inside (0, 1)^%d",
                     gsl_qrng_name(q), dim);
}

/* f at u into column j of matrix m: 0, or 1 when the point fails. */
static int eval_store(sample *s, ind_sens_fn f, void *ud, const double *u, int m, long j, double *ybuf) {
  if (eval_point(f, ud, u, s->nout, ybuf)) return 1;
  size_t N = (size_t)s->N, nm = (size_t)s->d + 2;
  for (int k = 0; k < s->nout; k++) s->y[((size_t)k * nm + (size_t)m) * N + (size_t)j] = ybuf[k];
  return 0;
}

/* Row j from point p (2d): f at A_j, B_j, AB^i_j, stopping at the first
 * failure; x is scratch (d). 0 when every point succeeded. */
static int eval_row(sample *s, ind_sens_fn f, void *ud, const double *p, double *x, double *ybuf, long j) {
  int d = s->d;
  if (eval_store(s, f, ud, p, 0, j, ybuf) || eval_store(s, f, ud, p + d, 1, j, ybuf)) return 1;
  memcpy(x, p, (size_t)d * sizeof *x);
  for (int i = 0; i < d; i++) {
    x[i] = p[d + i];
    int bad = eval_store(s, f, ud, x, 2 + i, j, ybuf);
    x[i] = p[i];
    if (bad) return 1;
  }
  return 0;
}

/* Evaluates every row, keeping those where f never failed. Points: GSL's
 * Sobol sequence up to 2d = 40; beyond, pseudo-random (GSL's Halton and
 * reverse-Halton sequences give columns that rise together with the row at
 * such N, j/p for N < the prime p, which biases S1 badly: tests/test_sens.c). */
static ind_status sample_eval(sample *s, ind_sens_fn f, void *ud, uint64_t seed, ind_err *err) {
  int dim = 2 * s->d;
  s->random_points = s->d > SOBOL_MAX_INPUTS;
  gsl_qrng *q = s->random_points ? NULL : gsl_qrng_alloc(gsl_qrng_sobol, (unsigned)dim);
  gsl_rng *rng = s->random_points ? gsl_rng_alloc(gsl_rng_mt19937) : NULL;
  double *buf = malloc(((size_t)dim + (size_t)s->d + (size_t)s->nout) * sizeof *buf);
  ind_status st = IND_OK;
  if ((!q && !rng) || !buf) st = ind_err_set(err, IND_ENOMEM, "out of memory for the sample points");
  if (rng) rng_seed(rng, seed, "sobol points");
  double *p = buf, *x = buf + dim, *ybuf = x + s->d;
  for (long j = 0; !st && j < s->N; j++) {
    if (rng)
      for (int c = 0; c < dim; c++) p[c] = gsl_rng_uniform_pos(rng); /* strictly inside (0, 1) */
    else
      st = next_point(q, dim, p, err);
    if (!st && !eval_row(s, f, ud, p, x, ybuf, j)) s->rows[s->n++] = j;
  }
  if (q) gsl_qrng_free(q);
  if (rng) gsl_rng_free(rng);
  free(buf);
  return st;
}

/* ---- Sobol indices: estimators ---- */

/* The indices of output values yk (its d + 2 columns of N) over rows
 * idx[0..n): S1_i at s1[i·stride], ST_i at st[i·stride] (NaN if the variance
 * is 0); the mean and variance at *mean, *var when those are not NULL. */
static void estimate(const double *yk, long N, int d, const long *idx, long n, double *s1, double *st, size_t stride,
                     double *mean, double *var) {
  const double *fa = yk, *fb = yk + N;
  double sum = 0.0, ss = 0.0;
  for (long r = 0; r < n; r++) sum += fa[idx[r]] + fb[idx[r]];
  double m = sum / (2.0 * (double)n);
  for (long r = 0; r < n; r++) {
    double da = fa[idx[r]] - m, db = fb[idx[r]] - m;
    ss += da * da + db * db;
  }
  double v = ss / (2.0 * (double)n - 1.0);
  for (int i = 0; i < d; i++) {
    const double *fab = yk + (size_t)(2 + i) * (size_t)N;
    double first = 0.0, total = 0.0;
    for (long r = 0; r < n; r++) {
      long j = idx[r];
      double diff = fab[j] - fa[j];
      first += (fb[j] - m) * diff;
      total += diff * diff;
    }
    s1[(size_t)i * stride] = v > 0.0 ? first / (double)n / v : NAN;
    st[(size_t)i * stride] = v > 0.0 ? total / (2.0 * (double)n) / v : NAN;
  }
  if (mean) *mean = m;
  if (var) *var = v;
}

static const double *values_of(const sample *s, int k) {
  return s->y + (size_t)k * ((size_t)s->d + 2) * (size_t)s->N;
}

/* Replicates: rep[((c d + i) nout + k) nboot + b] for c = 0 (S1), 1 (ST). */
static ind_status bootstrap(const sample *s, int nboot, uint64_t seed, double *rep, ind_err *err) {
  gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
  long *idx = malloc((size_t)s->n * sizeof *idx);
  if (!rng || !idx) {
    if (rng) gsl_rng_free(rng);
    free(idx);
    return ind_err_set(err, IND_ENOMEM, "out of memory for the bootstrap");
  }
  rng_seed(rng, seed, "sobol bootstrap");
  size_t stride = (size_t)s->nout * (size_t)nboot, half = (size_t)s->d * stride;
  for (int b = 0; b < nboot; b++) {
    for (long r = 0; r < s->n; r++) idx[r] = s->rows[gsl_rng_uniform_int(rng, (unsigned long)s->n)];
    for (int k = 0; k < s->nout; k++) {
      double *at = rep + (size_t)k * (size_t)nboot + (size_t)b;
      estimate(values_of(s, k), s->N, s->d, idx, s->n, at, at + half, stride, NULL, NULL);
    }
  }
  gsl_rng_free(rng);
  free(idx);
  return IND_OK;
}

/* The percentile interval at level of the finite values of x[0..m) (which
 * it reorders); NaN, NaN when none is finite. */
static void percentile(double *x, int m, double level, double *lo, double *hi) {
  size_t nf = 0;
  for (int b = 0; b < m; b++)
    if (isfinite(x[b])) x[nf++] = x[b];
  if (!nf) {
    *lo = *hi = NAN;
    return;
  }
  gsl_sort(x, 1, nf);
  *lo = gsl_stats_quantile_from_sorted_data(x, 1, nf, (1.0 - level) / 2.0);
  *hi = gsl_stats_quantile_from_sorted_data(x, 1, nf, (1.0 + level) / 2.0);
}

/* Point estimates, then intervals from the bootstrap replicates. */
static ind_status fill_result(const sample *s, const settings *cfg, uint64_t seed, ind_sobol *res, ind_err *err) {
  size_t dn = (size_t)s->d * (size_t)s->nout;
  for (int k = 0; k < s->nout; k++)
    estimate(values_of(s, k), s->N, s->d, s->rows, s->n, res->s1 + k, res->st + k, (size_t)s->nout, &res->mean[k],
             &res->var[k]);
  double *rep = malloc(2 * dn * (size_t)cfg->nboot * sizeof *rep);
  if (!rep) return ind_err_set(err, IND_ENOMEM, "out of memory for %d bootstrap resamples", cfg->nboot);
  ind_status st = bootstrap(s, cfg->nboot, seed, rep, err);
  for (size_t c = 0; !st && c < dn; c++) {
    percentile(rep + c * (size_t)cfg->nboot, cfg->nboot, cfg->level, &res->s1_lo[c], &res->s1_hi[c]);
    percentile(rep + (dn + c) * (size_t)cfg->nboot, cfg->nboot, cfg->level, &res->st_lo[c], &res->st_hi[c]);
  }
  free(rep);
  return st;
}

/* ---- Sobol indices: the result ---- */

/* One block holds every array; s1 is its start. */
static ind_sobol *result_alloc(const sample *s, const settings *cfg, ind_err *err) {
  ind_sobol *r = calloc(1, sizeof *r);
  size_t dn = (size_t)s->d * (size_t)s->nout;
  double *block = malloc((6 * dn + 2 * (size_t)s->nout) * sizeof *block);
  if (!r || !block) {
    free(r);
    free(block);
    ind_err_set(err, IND_ENOMEM, "out of memory for the Sobol indices");
    return NULL;
  }
  *r = (ind_sobol){.d = s->d, .nout = s->nout, .n = s->n, .failed = s->N - s->n, .random_points = s->random_points,
                   .nboot = cfg->nboot, .level = cfg->level};
  r->s1 = block;
  r->st = block + dn;
  r->s1_lo = block + 2 * dn;
  r->s1_hi = block + 3 * dn;
  r->st_lo = block + 4 * dn;
  r->st_hi = block + 5 * dn;
  r->mean = block + 6 * dn;
  r->var = r->mean + s->nout;
  return r;
}

void ind_sobol_free(ind_sobol *s) {
  if (!s) return;
  free(s->s1);
  free(s);
}

ind_status ind_sobol_run(int d, int nout, ind_sens_fn f, void *ud, const ind_sobol_opts *o, ind_sobol **out,
                         ind_err *err) {
  if (out) *out = NULL;
  settings cfg = {0};
  ind_status st = sobol_check(d, nout, f, o, out, &cfg, err);
  if (st) return st;
  sample s;
  st = sample_alloc(&s, d, nout, cfg.n, err);
  if (st) return st;
  ind_sobol *res = NULL;
  st = sample_eval(&s, f, ud, o->seed, err);
  if (!st && s.n < 2)
    st = ind_err_set(err, IND_ENUMERIC, "Sobol indices: f failed in %ld of the %ld base rows; at least 2 must "
                     "succeed", s.N - s.n, s.N);
  if (!st && !(res = result_alloc(&s, &cfg, err))) st = IND_ENOMEM;
  if (!st) st = fill_result(&s, &cfg, o->seed, res, err);
  sample_free(&s);
  if (st) {
    ind_sobol_free(res);
    return st;
  }
  *out = res;
  return IND_OK;
}
