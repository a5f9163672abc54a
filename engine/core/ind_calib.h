/* ind_calib.h — calibration: the values of some of a scenario's numbers that
 * best fit its published observations, pulled towards priors (maximum a
 * posteriori), by weighted nonlinear least squares with GSL's trust-region
 * solver (gsl_multifit_nlinear, Levenberg–Marquardt). Also reports how well
 * the fit pins each value down: a Laplace posterior covariance, which values
 * the data moved away from their priors, and which ones the data cannot
 * identify at all.
 *
 * The objective is ½ Σ r², over
 *   data rows   r_k = (model_k − obs_k) / se_k    for the used observations;
 *   prior rows  r_j = (x_j − mean) / sd            for a normal prior, and
 *               r_j = Φ⁻¹(F_j(x_j))                for any other, F_j its cdf
 *                                                  clamped into [1e-12, 1 − 1e-12].
 * The second (the normal score of x) is a standard-normal residual whatever
 * the prior; it equals the first for a normal prior and is (ln x − ln median)/σ
 * for a lognormal one, i.e. the lognormal prior acts as a normal prior on ln x.
 * For other priors it is the normal-copula approximation of −log density
 * (the log of dr/dx is left out), which keeps the mode at the median. A
 * discrete (choice) prior is refused: its cdf is a step function.
 *
 * Bounds. Each value lives in its admissible range [lo, hi], narrowed to the
 * prior's support (lognormal: x > 0; uniform, triangular, beta: [lo, hi] of
 * the distribution). The solver works on an unbounded u with
 * x = lo + (hi − lo)·logistic(u) (x = lo + e^u, x = hi − e^−u with one bound;
 * x = u with none), so no trial point is ever outside the range and no value
 * outside it is ever set on the scenario. A run that fails anyway (the solver
 * cannot continue, NaN) makes the trial's residuals huge: the trust region
 * rejects the step and shrinks (GSL itself would stop the whole fit on a
 * failing residual function). A trial step may move a bounded value's u by
 * at most 3 (a factor 20 in its distance to a bound): longer ones are
 * rejected the same way, so a start near a bound does not jump to the other.
 *
 * Jacobian: central differences in x with a step of 1e-3 of each value's
 * scale (its prior sd, else max(|x|, 1e-3·min(1, hi − lo))), large enough to
 * stay clear of the ODE solver's noise (ind_calib.c says how it was chosen);
 * one-sided at a bound or where a run fails. Convergence: the fit stops when
 * a Gauss–Newton step would lower χ² by less than 1e-10, and is reported
 * converged when by less than 1e-4 (a value at a bound that χ² pushes
 * outwards not counted).
 *
 * Identification and uncertainty, at the fitted x, with each column of the
 * Jacobian multiplied by its value's scale: an SVD of the data rows alone;
 * its right singular vectors with a singular value below 1e-5 of the largest
 * are null, and a value with a weight above 1e-2 on one is "not identified by
 * the data". The data rows truncated to the other singular vectors, with the
 * prior rows under them, give the Laplace covariance (a pseudo-inverse); a
 * value on a null vector of that matrix (no data and no prior reach it) gets
 * NaN for its se, covariance and correlations. A value with a prior always
 * has a finite se (the prior's sd when the data say nothing).
 *
 * Not reentrant on one scenario: the fit sets the scenario's targets while it
 * runs. GSL's error handler must be off (gsl_set_error_handler_off()). */
#ifndef IND_CALIB_H
#define IND_CALIB_H

#include "ind_dist.h"
#include "ind_err.h"
#include "ind_scenario.h"

/* One fitted value: every target is set to the same value. */
typedef struct ind_fit_param {
  const char *name;            /* e.g. "g.state", for messages and the report */
  const ind_target *targets;
  int ntargets;                /* >= 1 */
  double init;                 /* starting value, in [lo, hi] */
  const ind_dist *prior;       /* NULL: no prior; a choice prior is refused */
  double lo, hi;               /* admissible range, lo < hi (either may be infinite) */
} ind_fit_param;

typedef struct ind_fit_opts {
  int max_iter;                /* solver iterations; 0: 200 */
  const unsigned char *use_obs;/* sc->nobs flags (non-zero: fit it); NULL: all */
  double rtol;                 /* ODE rtol during the fit (restored after); 0: keep the scenario's */
} ind_fit_opts;

typedef struct ind_fit {
  int np, nobs;                /* parameters; observations of the scenario (used or not) */
  double *x;                   /* np fitted values (the MAP) */
  double *se;                  /* np posterior sd; NaN when not identified (no prior and the data cannot pin it) */
  double *cov, *corr;          /* np × np row-major: Laplace covariance (JᵀJ)⁻¹ of the whitened residuals
                                  (prior rows included) at x, and correlation; NaN rows for the unidentified */
  double *model;               /* nobs: the model's value of each observation at x (used or not) */
  double *prior_z;             /* np: the prior row's residual at x: how far the fit moved it from its prior
                                  in prior sds ((x − mean)/sd for a normal); NaN without prior */
  double *prior_sd;            /* np: the prior's "sd": sd of a normal; for any other the width dx/dr at the
                                  median (lognormal: median·σ; uniform: 0.399·(hi − lo)), which is the posterior
                                  sd the fit reports when the data say nothing; NaN without prior */
  double *shrink;              /* np: se / prior_sd: near 1 the data did not inform it, near 0 they decided it;
                                  NaN without prior */
  int *identified;             /* np: 1 if the DATA alone (priors left out) pin it down, else 0 */
  double chi2_data, chi2_prior;/* Σ r² over the data rows, over the prior rows, at x */
  int ndata;                   /* observations used */
  int iterations, converged;   /* converged: a Gauss–Newton step from x would lower χ² by < 1e-2 */
  long runs;                   /* model runs, Jacobians included */
  char *warnings;              /* one line each ("" if none): not converged, not identified (naming the
                                  parameters), at a bound, far from the prior, the run's own warnings at x */
} ind_fit;

/* Fits the np values p to sc's observations (those flagged in o->use_obs;
 * o may be NULL). On success *out holds the fit (free it with ind_fit_free)
 * and the scenario's targets hold the fitted values; on failure they hold
 * their values from before the call, *out is NULL and err says why (a bad
 * parameter, a model that fails at the starting values, out of memory).
 * A fit that does not converge or leaves values unidentified is a success
 * with warnings. */
ind_status ind_calibrate(ind_scenario *sc, const ind_fit_param *p, int np, const ind_fit_opts *o, ind_fit **out,
                         ind_err *err);
void ind_fit_free(ind_fit *f);

#endif
