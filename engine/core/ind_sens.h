/* ind_sens.h — sensitivity analysis of any function of d inputs given as
 * uniform numbers u in (0, 1)^d (the caller maps them to its parameters by
 * their quantile functions): one-at-a-time swings, and global first- and
 * total-order Sobol indices by Saltelli's sampling scheme (matrices A, B and
 * A with column i from B) on a quasi-random sequence — GSL's Sobol sequence
 * while 2d <= 40, GSL's Halton sequence beyond — with bootstrap confidence
 * intervals. The function may return several outputs at once. */
#ifndef IND_SENS_H
#define IND_SENS_H

#include <stdint.h>

#include "ind_err.h"

/* Evaluates the nout outputs at u; returns 0, or non-zero when the point
 * fails (it is then left out, and counted). */
typedef int (*ind_sens_fn)(void *ud, const double *u, double *y);

/* One-at-a-time: every input at its median (0.5) but input i at lo then hi
 * (e.g. 0.05 and 0.95). out: y at the centre (nout), then for each input the
 * outputs at lo and at hi (d × 2 × nout, row-major [i][0|1][k]). */
ind_status ind_sens_oat(int d, int nout, ind_sens_fn f, void *ud, double lo, double hi, double *center,
                        double *swings, ind_err *err);

typedef struct ind_sobol_opts {
  long n;          /* base sample size N (the function is called N·(d + 2) times) */
  int nboot;       /* bootstrap resamples for the intervals; 0: 200 */
  double level;    /* confidence level of the intervals; 0: 0.9 */
  uint64_t seed;   /* of the bootstrap */
} ind_sobol_opts;

typedef struct ind_sobol {
  int d, nout;
  long n, failed;  /* base samples used; points that failed */
  int halton;      /* 1 if the Halton sequence was used (2d > 40) */
  double *s1, *st;             /* d × nout: first- and total-order indices */
  double *s1_lo, *s1_hi;       /* their bootstrap intervals */
  double *st_lo, *st_hi;
  double *mean, *var;          /* nout: of the output over the A and B samples */
} ind_sobol;

ind_status ind_sobol_run(int d, int nout, ind_sens_fn f, void *ud, const ind_sobol_opts *o, ind_sobol **out,
                         ind_err *err);
void ind_sobol_free(ind_sobol *s);

#endif
