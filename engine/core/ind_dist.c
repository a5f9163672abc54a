/* ind_dist.c — the distributions of ind_dist.h on top of GSL's samplers and
 * cdfs; the triangular one, which GSL lacks, in closed form. */
#include "ind_dist.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>

const char *ind_dist_check(const ind_dist *d) {
  double s = 0.0;
  switch (d->kind) {
  case IND_DIST_NORMAL:
    return isfinite(d->a) && d->b > 0 && isfinite(d->b) ? NULL : "normal(mean, sd) needs a finite mean and sd > 0";
  case IND_DIST_LOGNORMAL:
    return d->a > 0 && isfinite(d->a) && d->b > 0 && isfinite(d->b) ? NULL
                                                                      : "lognormal(median, sigma) needs median > 0 and sigma > 0";
  case IND_DIST_UNIFORM:
    return isfinite(d->a) && isfinite(d->b) && d->a < d->b ? NULL : "uniform(lo, hi) needs lo < hi";
  case IND_DIST_TRIANGULAR:
    return isfinite(d->a) && isfinite(d->c) && d->a < d->c && d->a <= d->b && d->b <= d->c
               ? NULL
               : "triangular(lo, mode, hi) needs lo <= mode <= hi and lo < hi";
  case IND_DIST_BETA:
    return d->a > 0 && d->b > 0 && isfinite(d->a) && isfinite(d->b) && isfinite(d->c) && isfinite(d->d) && d->c < d->d
               ? NULL
               : "beta(a, b, lo, hi) needs shapes a, b > 0 and lo < hi";
  case IND_DIST_CHOICE:
    if (d->n < 1 || d->n > IND_DIST_MAX_CHOICES) return "a choice needs 1 to 32 values";
    for (int i = 0; i < d->n; i++) {
      if (!isfinite(d->values[i]) || !(d->probs[i] >= 0)) return "a choice needs finite values and probabilities >= 0";
      s += d->probs[i];
    }
    return fabs(s - 1.0) < 1e-9 ? NULL : "a choice's probabilities must sum to 1";
  }
  return "unknown distribution";
}

static double triangular_quantile(const ind_dist *d, double p) {
  double lo = d->a, mode = d->b, hi = d->c, f = (mode - lo) / (hi - lo);
  if (p < f) return lo + sqrt(p * (hi - lo) * (mode - lo));
  return hi - sqrt((1.0 - p) * (hi - lo) * (hi - mode));
}

static double triangular_cdf(const ind_dist *d, double x) {
  double lo = d->a, mode = d->b, hi = d->c;
  if (x <= lo) return 0.0;
  if (x >= hi) return 1.0;
  if (x <= mode) return (x - lo) * (x - lo) / ((hi - lo) * (mode - lo));
  return 1.0 - (hi - x) * (hi - x) / ((hi - lo) * (hi - mode));
}

static double choice_quantile(const ind_dist *d, double p) {
  double c = 0.0;
  for (int i = 0; i < d->n; i++) {
    c += d->probs[i];
    if (p <= c) return d->values[i];
  }
  return d->values[d->n - 1];
}

double ind_dist_sample(const ind_dist *d, gsl_rng *rng) {
  switch (d->kind) {
  case IND_DIST_NORMAL: return d->a + gsl_ran_gaussian_ziggurat(rng, d->b);
  case IND_DIST_LOGNORMAL: return gsl_ran_lognormal(rng, log(d->a), d->b);
  case IND_DIST_UNIFORM: return gsl_ran_flat(rng, d->a, d->b);
  case IND_DIST_TRIANGULAR: return triangular_quantile(d, gsl_rng_uniform(rng));
  case IND_DIST_BETA: return d->c + (d->d - d->c) * gsl_ran_beta(rng, d->a, d->b);
  case IND_DIST_CHOICE: return choice_quantile(d, gsl_rng_uniform(rng));
  }
  return NAN;
}

double ind_dist_quantile(const ind_dist *d, double p) {
  switch (d->kind) {
  case IND_DIST_NORMAL: return d->a + gsl_cdf_gaussian_Pinv(p, d->b);
  case IND_DIST_LOGNORMAL: return gsl_cdf_lognormal_Pinv(p, log(d->a), d->b);
  case IND_DIST_UNIFORM: return d->a + p * (d->b - d->a);
  case IND_DIST_TRIANGULAR: return triangular_quantile(d, p);
  case IND_DIST_BETA: return d->c + (d->d - d->c) * gsl_cdf_beta_Pinv(p, d->a, d->b);
  case IND_DIST_CHOICE: return choice_quantile(d, p);
  }
  return NAN;
}

double ind_dist_median(const ind_dist *d) { return ind_dist_quantile(d, 0.5); }

double ind_dist_cdf(const ind_dist *d, double x) {
  double c = 0.0;
  switch (d->kind) {
  case IND_DIST_NORMAL: return gsl_cdf_gaussian_P(x - d->a, d->b);
  case IND_DIST_LOGNORMAL: return x > 0 ? gsl_cdf_lognormal_P(x, log(d->a), d->b) : 0.0;
  case IND_DIST_UNIFORM: return x <= d->a ? 0.0 : x >= d->b ? 1.0 : (x - d->a) / (d->b - d->a);
  case IND_DIST_TRIANGULAR: return triangular_cdf(d, x);
  case IND_DIST_BETA:
    return x <= d->c ? 0.0 : x >= d->d ? 1.0 : gsl_cdf_beta_P((x - d->c) / (d->d - d->c), d->a, d->b);
  case IND_DIST_CHOICE:
    for (int i = 0; i < d->n; i++)
      if (d->values[i] <= x) c += d->probs[i];
    return c;
  }
  return NAN;
}

double ind_dist_mean(const ind_dist *d) {
  double m = 0.0, ab = d->a + d->b;
  switch (d->kind) {
  case IND_DIST_NORMAL: return d->a;
  case IND_DIST_LOGNORMAL: return d->a * exp(0.5 * d->b * d->b);
  case IND_DIST_UNIFORM: return 0.5 * (d->a + d->b);
  case IND_DIST_TRIANGULAR: return (d->a + d->b + d->c) / 3.0;
  case IND_DIST_BETA: return d->c + (d->d - d->c) * d->a / ab;
  case IND_DIST_CHOICE:
    for (int i = 0; i < d->n; i++) m += d->probs[i] * d->values[i];
    return m;
  }
  return NAN;
}

double ind_dist_variance(const ind_dist *d) {
  double v = 0.0, s2 = d->b * d->b, ab = d->a + d->b, w = d->d - d->c, m;
  double lo = d->a, mode = d->b, hi = d->c;
  switch (d->kind) {
  case IND_DIST_NORMAL: return s2;
  case IND_DIST_LOGNORMAL: return (exp(s2) - 1.0) * d->a * d->a * exp(s2);
  case IND_DIST_UNIFORM: return (d->b - d->a) * (d->b - d->a) / 12.0;
  case IND_DIST_TRIANGULAR:
    return (lo * lo + mode * mode + hi * hi - lo * mode - lo * hi - mode * hi) / 18.0;
  case IND_DIST_BETA: return w * w * d->a * d->b / (ab * ab * (ab + 1.0));
  case IND_DIST_CHOICE:
    m = ind_dist_mean(d);
    for (int i = 0; i < d->n; i++) v += d->probs[i] * (d->values[i] - m) * (d->values[i] - m);
    return v;
  }
  return NAN;
}

const char *ind_dist_describe(const ind_dist *d, char *buf, int n) {
  switch (d->kind) {
  case IND_DIST_NORMAL: snprintf(buf, (size_t)n, "normal(%g, %g)", d->a, d->b); break;
  case IND_DIST_LOGNORMAL: snprintf(buf, (size_t)n, "lognormal(%g, %g)", d->a, d->b); break;
  case IND_DIST_UNIFORM: snprintf(buf, (size_t)n, "uniform(%g, %g)", d->a, d->b); break;
  case IND_DIST_TRIANGULAR: snprintf(buf, (size_t)n, "triangular(%g, %g, %g)", d->a, d->b, d->c); break;
  case IND_DIST_BETA: snprintf(buf, (size_t)n, "beta(%g, %g, %g, %g)", d->a, d->b, d->c, d->d); break;
  case IND_DIST_CHOICE: snprintf(buf, (size_t)n, "choice of %d values", d->n); break;
  }
  return buf;
}
