/* ind_dist.h — probability distributions of uncertain numbers: normal,
 * lognormal, uniform, triangular, beta on [lo, hi], and a discrete choice.
 * A single run uses each one's median; ensembles draw from them; calibration
 * uses them as priors (through the cdf). Sampling and quantiles use GSL. */
#ifndef IND_DIST_H
#define IND_DIST_H

#include <gsl/gsl_rng.h>

#define IND_DIST_MAX_CHOICES 32

typedef enum {
  IND_DIST_NORMAL,     /* a = mean, b = sd > 0 */
  IND_DIST_LOGNORMAL,  /* a = median > 0, b = sigma of the log > 0 */
  IND_DIST_UNIFORM,    /* a = lo < b = hi */
  IND_DIST_TRIANGULAR, /* a = lo <= b = mode <= c = hi, lo < hi */
  IND_DIST_BETA,       /* a, b = shape > 0, on [c = lo, d = hi], lo < hi */
  IND_DIST_CHOICE      /* n values with probabilities summing to 1 */
} ind_dist_kind;

typedef struct ind_dist {
  ind_dist_kind kind;
  double a, b, c, d;
  int n;                                 /* IND_DIST_CHOICE */
  double values[IND_DIST_MAX_CHOICES];
  double probs[IND_DIST_MAX_CHOICES];
} ind_dist;

/* NULL if the parameters are valid, else what is wrong ("sd must be > 0"). */
const char *ind_dist_check(const ind_dist *d);
double ind_dist_sample(const ind_dist *d, gsl_rng *rng);
double ind_dist_median(const ind_dist *d);
double ind_dist_mean(const ind_dist *d);
double ind_dist_variance(const ind_dist *d);
double ind_dist_cdf(const ind_dist *d, double x);
double ind_dist_quantile(const ind_dist *d, double p); /* p in (0, 1) */
/* "normal(0.03, 0.01)" into buf. */
const char *ind_dist_describe(const ind_dist *d, char *buf, int n);

#endif
