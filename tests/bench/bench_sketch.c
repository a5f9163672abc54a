/* bench_sketch.c — a benchmark, not a test: the cost of ind_sketch_add (one
 * hot sketch, and 2000 sketches filled one value per draw as an ensemble
 * does), of a bare log() for comparison, of merging and of a quantile, and
 * the bytes a sketch holds after 1e4 and 1e6 values of a few shapes.
 *   cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Iengine/core bench/bench_sketch.c \
 *      engine/core/ind_sketch.c engine/core/ind_err.c -lgsl -lgslcblas -lm -o bench_sketch
 *   ./bench_sketch [alpha] */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ind_sketch.h"

#define NV (1 << 20)

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

static void bench_hot(const double *v, double alpha) {
  ind_sketch *s = ind_sketch_alloc(alpha, NULL);
  for (int i = 0; i < NV; i++) ind_sketch_add(s, v[i], NULL); /* range seen: steady state */
  long n = 20L * NV;
  double t0 = now();
  for (long i = 0; i < n; i++) ind_sketch_add(s, v[i & (NV - 1)], NULL);
  double t = now() - t0;
  volatile double sink = 0;
  t0 = now();
  for (long i = 0; i < n; i++) sink += log(v[i & (NV - 1)]);
  double tl = now() - t0;
  printf("add, one sketch:        %.1f ns/add (a bare log(): %.1f ns)\n", 1e9 * t / n, 1e9 * tl / n);
  t0 = now();
  int nq = 100000;
  for (int i = 0; i < nq; i++) sink += ind_sketch_quantile(s, (i % 99 + 1) / 100.0);
  printf("quantile (%zu bytes):  %.0f ns\n", ind_sketch_bytes(s), 1e9 * (now() - t0) / nq);
  ind_sketch_free(s);
}

/* 2000 cells, one value each per draw; each cell has its own scale. */
static void bench_cells(const double *v, double alpha) {
  enum { NC = 2000, ND = 10000 };
  ind_sketch **s = malloc(NC * sizeof *s);
  for (int c = 0; c < NC; c++) s[c] = ind_sketch_alloc(alpha, NULL);
  double t0 = now();
  size_t k = 0;
  for (int d = 0; d < ND; d++)
    for (int c = 0; c < NC; c++, k++) ind_sketch_add(s[c], (1.0 + c) * v[k & (NV - 1)], NULL);
  double t = now() - t0;
  size_t bytes = 0;
  for (int c = 0; c < NC; c++) bytes += ind_sketch_bytes(s[c]);
  printf("add, 2000 cells x 1e4 draws: %.1f ns/add (%.2f ms per draw, %.1f MB in all)\n",
         1e9 * t / ((double)NC * ND), 1e3 * t / ND, bytes / 1e6);
  t0 = now();
  ind_sketch *m = ind_sketch_alloc(alpha, NULL);
  for (int c = 0; c < NC; c++) ind_sketch_merge(m, s[c], NULL);
  printf("merge:                  %.1f us per sketch\n", 1e6 * (now() - t0) / NC);
  ind_sketch_free(m);
  for (int c = 0; c < NC; c++) ind_sketch_free(s[c]);
  free(s);
}

static double d_lognormal(gsl_rng *r) { return gsl_ran_lognormal(r, 0.0, 1.0); }
static double d_normal(gsl_rng *r) { return 0.5 + gsl_ran_gaussian(r, 2.0); }
static double d_uniform(gsl_rng *r) { return gsl_ran_flat(r, 1.0, 10.0); }
static double d_growth(gsl_rng *r) { return 100.0 * exp(gsl_ran_gaussian(r, 0.1)); } /* a typical output cell */

static void bench_bytes(gsl_rng *r, double alpha) {
  static const struct {
    const char *name;
    double (*draw)(gsl_rng *);
  } shapes[] = {{"lognormal(0,1)", d_lognormal},
                {"normal(0.5,2)", d_normal},
                {"uniform[1,10]", d_uniform},
                {"100 exp(N(0,0.1))", d_growth}};
  for (size_t k = 0; k < sizeof shapes / sizeof *shapes; k++) {
    ind_sketch *s = ind_sketch_alloc(alpha, NULL);
    size_t b4 = 0;
    for (int i = 1; i <= 1000000; i++) {
      ind_sketch_add(s, shapes[k].draw(r), NULL);
      if (i == 10000) b4 = ind_sketch_bytes(s);
    }
    printf("bytes, %-18s  %6zu after 1e4 values, %6zu after 1e6\n", shapes[k].name, b4, ind_sketch_bytes(s));
    ind_sketch_free(s);
  }
}

int main(int argc, char **argv) {
  double alpha = argc > 1 ? atof(argv[1]) : 0.005;
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  double *v = malloc(NV * sizeof *v);
  for (int i = 0; i < NV; i++) v[i] = gsl_ran_lognormal(r, 0.0, 1.0);
  printf("alpha %g\n", alpha);
  bench_hot(v, alpha);
  bench_cells(v, alpha);
  bench_bytes(r, alpha);
  free(v);
  gsl_rng_free(r);
  return 0;
}
