/* ind_sens.h — sensitivity analysis of any function of d inputs given as
 * uniform numbers u in (0, 1)^d (the caller maps them to its parameters by
 * their quantile functions): one-at-a-time swings, and global first- and
 * total-order Sobol indices by Saltelli's sampling scheme (matrices A, B and
 * A with column i from B) on GSL's Sobol quasi-random sequence while 2d <= 40,
 * on pseudo-random points (GSL's mt19937) beyond — with bootstrap confidence
 * intervals. The function may return several outputs at once. Nothing here
 * runs threads or keeps state between calls. */
#ifndef IND_SENS_H
#define IND_SENS_H

#include <stdint.h>

#include "ind_err.h"

/* Evaluates the nout outputs at u (d numbers strictly inside (0, 1)) into y
 * (nout slots, NaN on entry); returns 0, or non-zero when the point fails.
 * A point whose outputs are not all finite after a 0 return fails too. u
 * must not be kept after the call (the buffer is reused). */
typedef int (*ind_sens_fn)(void *ud, const double *u, double *y);

/* One-at-a-time: every input at its median (0.5) but input i at lo then hi
 * (e.g. 0.05 and 0.95; 0 < lo < hi < 1). out: y at the centre (nout), then
 * for each input the outputs at lo and at hi (d × 2 × nout, row-major
 * [i][0|1][k]). f is called 2d + 1 times, the centre first, then inputs in
 * order, lo before hi. Every point is evaluated even when some fail; a failed
 * point's outputs are NaN and the call returns IND_ENUMERIC naming how many
 * failed and the first, the other points' outputs being valid. Bad arguments:
 * IND_EINVAL, nothing evaluated. */
ind_status ind_sens_oat(int d, int nout, ind_sens_fn f, void *ud, double lo, double hi, double *center,
                        double *swings, ind_err *err);

typedef struct ind_sobol_opts {
  long n;          /* base sample size N, 2 .. 2^30 − 1 (f is called at most N·(d + 2) times) */
  int nboot;       /* bootstrap resamples for the intervals, 1 .. 10^6; 0: 200 */
  double level;    /* confidence level of the intervals, in (0, 1); 0: 0.9 */
  uint64_t seed;   /* of the bootstrap, and of the points when they are pseudo-random (2d > 40) */
} ind_sobol_opts;

/* Arrays d × nout are row-major [i][k]: input i, output k. */
typedef struct ind_sobol {
  int d, nout;
  long n, failed;  /* base rows used; base rows dropped because f failed at one of their points */
  int random_points; /* 1 if the points were pseudo-random (2d > 40) */
  int nboot;       /* resamples drawn */
  double level;    /* of the intervals */
  double *s1, *st;             /* d × nout: first- and total-order indices (NaN for an output of variance 0) */
  double *s1_lo, *s1_hi;       /* their bootstrap percentile intervals (need not contain the estimate) */
  double *st_lo, *st_hi;
  double *mean, *var;          /* nout: of the output over the A and B samples of the rows used */
} ind_sobol;

/* Sobol indices of the nout outputs of f with respect to its d inputs
 * (1 <= d <= 10000).
 *
 * Points: N points p_j of GSL's 2d-dimensional Sobol sequence, in the
 * sequence's order, leaving out any point with a coordinate not strictly
 * inside (0, 1) (GSL's sequence does not start at the origin, so none is left
 * out in practice). Beyond its 40 dimensions (d > 20): N pseudo-random points
 * of GSL's mt19937 seeded from opts.seed, each coordinate uniform on (0, 1) —
 * plain Monte Carlo, error ~ N^−1/2. GSL's Halton and reverse-Halton
 * sequences were tried there and refused: at the usual N (below the primes of
 * the higher dimensions) their columns j/p all rise with the row j, A's and
 * B's columns are nearly collinear, and S1 of a 64-input linear function came
 * out up to 0.23 off, 60 of 64 exact values outside the intervals. Row j: A_j = the first d coordinates of p_j,
 * B_j = the last d, AB^i_j = A_j with coordinate i from B_j. f is called at
 * A_j, B_j, then AB^0_j .. AB^(d−1)_j; a row where f fails at any of them is
 * dropped whole (the rest of its points are not evaluated) and counted in
 * `failed`. The result depends only on f's values at the points.
 *
 * Estimators over the n rows kept, for each output (m: the mean of f over
 * A and B, V: their variance with divisor 2n − 1):
 *   S1_i = mean_j[(f(B_j) − m)·(f(AB^i_j) − f(A_j))] / V   (Saltelli 2010,
 *          centred: same expectation, but its error does not grow with |m|)
 *   ST_i = mean_j[(f(A_j) − f(AB^i_j))²] / (2V)              (Jansen 1999)
 * Intervals: nboot resamples of the n kept rows with replacement (one set of
 * row indices per resample, shared by all outputs, from GSL's mt19937 seeded
 * from opts.seed), the estimators recomputed on each (m and V too), and the
 * (1 − level)/2 and (1 + level)/2 quantiles of the finite replicates.
 * Each output's numbers depend only on its own values: running outputs
 * together or one by one gives the same numbers bit for bit.
 *
 * Memory: N·(d + 2)·nout doubles for the values, 2·d·nout·nboot for the
 * replicates. Time: the calls to f, plus nboot·n·(d + 2)·nout operations.
 *
 * On success *out is a new result (ind_sobol_free). Errors: IND_EINVAL for
 * bad arguments, IND_ENUMERIC when fewer than 2 rows are kept, IND_ENOMEM;
 * *out is then NULL. */
ind_status ind_sobol_run(int d, int nout, ind_sens_fn f, void *ud, const ind_sobol_opts *o, ind_sobol **out,
                         ind_err *err);

/* Frees a result of ind_sobol_run (NULL is fine). */
void ind_sobol_free(ind_sobol *s);

#endif
