/* test_dist.c — the distributions of ind_dist.h against their closed forms.
 *
 * For each kind (normal, lognormal, uniform, an asymmetric triangular, beta on
 * [lo, hi], a discrete choice) with a fixed-seed GSL generator:
 *   - the mean and variance of N = 200 000 draws of ind_dist_sample against
 *     the closed forms written below (independently of ind_dist.c), and
 *     ind_dist_mean / ind_dist_variance against the same closed forms;
 *   - the median ind_dist_quantile(0.5) (= ind_dist_median) against its
 *     closed form;
 *   - cdf(quantile(p)) = p, and the sampler against the quantile function:
 *     the share of draws <= quantile(p) is p;
 *   - ind_dist_check accepts valid parameters and refuses every invalid kind.
 *
 * Tolerances.
 *   Sample mean: 5 standard errors, 5·sd/sqrt(N) (sd from the closed form).
 *   Sample variance: 5 standard errors of the sample variance, from the
 *     fourth central moment mu4 (closed form per kind, below):
 *     Var(s²) = (mu4 − sigma⁴·(N − 3)/(N − 1))/N.
 *   Share of draws <= quantile(p): 5·sqrt(p(1 − p)/N) (binomial).
 *   With the seed fixed the draws are always the same; 5 standard errors
 *   would be exceeded by chance with probability ~6e-7 per check if the seed
 *   or the generator changed.
 *   Closed-form moments and medians vs the library's (pure arithmetic or
 *   GSL's inverse cdfs): 1e-12 relative. cdf(quantile(p)) = p: 1e-10
 *   absolute (GSL's inverse beta cdf is iterative; the others are ~1e-15). */
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "ind_dist.h"

#define N 200000
#define SIGMAS 5.0
#define ARITH_TOL 1e-12
#define CDF_TOL 1e-10

typedef struct closed {
  double mean, var, mu4, median;
} closed;

static const double PS[] = {0.001, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999};
#define NPS ((int)(sizeof PS / sizeof *PS))

static ind_dist dist2(ind_dist_kind k, double a, double b) {
  ind_dist d = {0};
  d.kind = k;
  d.a = a;
  d.b = b;
  return d;
}

/* Draws N values; checks the sample moments against c and, for continuous
 * kinds, the share of draws at or below quantile(p). */
static void check_sampling(const char *name, const ind_dist *d, const closed *c, int continuous, gsl_rng *rng) {
  double *x = malloc(N * sizeof *x);
  if (!x) {
    CHECK(x != NULL);
    return;
  }
  double sum = 0.0;
  for (int i = 0; i < N; i++) sum += x[i] = ind_dist_sample(d, rng);
  double m = sum / N, ss = 0.0;
  for (int i = 0; i < N; i++) ss += (x[i] - m) * (x[i] - m);
  double s2 = ss / (N - 1);
  double se_mean = sqrt(c->var / N);
  double se_var = sqrt((c->mu4 - c->var * c->var * (N - 3.0) / (N - 1.0)) / N);
  fprintf(stderr, "%-10s sample mean %.6g (closed %.6g, %.2f se), variance %.6g (closed %.6g, %.2f se)\n", name, m,
          c->mean, (m - c->mean) / se_mean, s2, c->var, (s2 - c->var) / se_var);
  CHECK_ABS(m, c->mean, SIGMAS * se_mean);
  CHECK_ABS(s2, c->var, SIGMAS * se_var);
  if (continuous)
    for (int k = 0; k < NPS; k++) {
      double q = ind_dist_quantile(d, PS[k]);
      long below = 0;
      for (int i = 0; i < N; i++) below += x[i] <= q;
      CHECK_ABS((double)below / N, PS[k], SIGMAS * sqrt(PS[k] * (1 - PS[k]) / N));
    }
  free(x);
}

/* The library's mean, variance and median against the closed forms;
 * ind_dist_median is quantile(0.5); cdf(quantile(p)) = p. */
static void check_library(const ind_dist *d, const closed *c, int continuous) {
  CHECK(ind_dist_check(d) == NULL);
  CHECK_REL(ind_dist_mean(d), c->mean, ARITH_TOL);
  CHECK_REL(ind_dist_variance(d), c->var, ARITH_TOL);
  CHECK_REL(ind_dist_quantile(d, 0.5), c->median, ARITH_TOL);
  CHECK_SAME(ind_dist_median(d), ind_dist_quantile(d, 0.5));
  if (continuous)
    for (int k = 0; k < NPS; k++) CHECK_ABS(ind_dist_cdf(d, ind_dist_quantile(d, PS[k])), PS[k], CDF_TOL);
}

static void check_kind(const char *name, const ind_dist *d, const closed *c, int continuous, gsl_rng *rng) {
  check_library(d, c, continuous);
  check_sampling(name, d, c, continuous, rng);
}

/* normal(mean 0.03, sd 0.01): mu4 = 3 sd⁴, median = mean. */
static void test_normal(gsl_rng *rng) {
  ind_dist d = dist2(IND_DIST_NORMAL, 0.03, 0.01);
  double v = 1e-4;
  closed c = {0.03, v, 3 * v * v, 0.03};
  check_kind("normal", &d, &c, 1, rng);
  /* quantile(0.975) = mean + 1.959963984540054 sd (the standard normal's, to 16 digits) */
  CHECK_REL(ind_dist_quantile(&d, 0.975), 0.03 + 1.959963984540054 * 0.01, ARITH_TOL);
}

/* lognormal(median m = 2, sigma s = 0.4): mean m·e^{s²/2},
 * variance m²·e^{s²}(e^{s²} − 1), excess kurtosis e^{4s²} + 2e^{3s²} + 3e^{2s²} − 6,
 * median m. */
static void test_lognormal(gsl_rng *rng) {
  double m = 2.0, s = 0.4, s2 = s * s;
  ind_dist d = dist2(IND_DIST_LOGNORMAL, m, s);
  double var = m * m * exp(s2) * (exp(s2) - 1.0);
  double kurt = exp(4 * s2) + 2 * exp(3 * s2) + 3 * exp(2 * s2) - 3.0; /* mu4 / var² */
  closed c = {m * exp(s2 / 2), var, kurt * var * var, m};
  check_kind("lognormal", &d, &c, 1, rng);
  /* cdf(x) = Phi(log(x/m)/s): at x = m·e^s, Phi(1) = 0.8413447460685429 */
  CHECK_ABS(ind_dist_cdf(&d, m * exp(s)), 0.8413447460685429, ARITH_TOL);
  CHECK_SAME(ind_dist_cdf(&d, -1.0), 0.0);
}

/* uniform(−1, 3): mean 1, variance 4²/12, mu4 = 4⁴/80, median 1. */
static void test_uniform(gsl_rng *rng) {
  ind_dist d = dist2(IND_DIST_UNIFORM, -1.0, 3.0);
  closed c = {1.0, 16.0 / 12.0, 256.0 / 80.0, 1.0};
  check_kind("uniform", &d, &c, 1, rng);
  CHECK_REL(ind_dist_quantile(&d, 0.1), -0.6, ARITH_TOL);
  CHECK_SAME(ind_dist_cdf(&d, -2.0), 0.0);
  CHECK_SAME(ind_dist_cdf(&d, 4.0), 1.0);
}

/* triangular(lo 0, mode 1, hi 4): mean (0 + 1 + 4)/3 = 5/3, variance
 * (0 + 1 + 16 − 0 − 0 − 4)/18 = 13/18, excess kurtosis −3/5 (any shape), so
 * mu4 = 2.4·var². F(mode) = 1/4 < 1/2, so the median is on the right branch:
 * 1 − (4 − x)²/(4·3) = 1/2 gives x = 4 − sqrt(6). Left branch: quantile(0.1)
 * = sqrt(0.1·4·1) = sqrt(0.4). */
static void test_triangular(gsl_rng *rng) {
  ind_dist d = {0};
  d.kind = IND_DIST_TRIANGULAR;
  d.a = 0.0;
  d.b = 1.0;
  d.c = 4.0;
  double var = 13.0 / 18.0;
  closed c = {5.0 / 3.0, var, 2.4 * var * var, 4.0 - sqrt(6.0)};
  check_kind("triangular", &d, &c, 1, rng);
  CHECK_REL(ind_dist_quantile(&d, 0.1), sqrt(0.4), ARITH_TOL);
  CHECK_REL(ind_dist_cdf(&d, 1.0), 0.25, ARITH_TOL);  /* (1 − 0)²/(4·1) */
  CHECK_REL(ind_dist_cdf(&d, 3.0), 11.0 / 12.0, ARITH_TOL); /* 1 − 1²/(4·3) */
}

/* beta(a, b) on [lo, hi]: mean lo + w·a/(a + b), variance w²·ab/((a + b)²(a + b + 1)),
 * excess kurtosis 6[(a − b)²(a + b + 1) − ab(a + b + 2)] / [ab(a + b + 2)(a + b + 3)].
 * Medians with a closed form: beta(1, b): 1 − 2^{−1/b}; beta(a, 1): 2^{−1/a}. */
static closed beta_closed(double a, double b, double lo, double hi, double median01) {
  double w = hi - lo, s = a + b;
  double var = w * w * a * b / (s * s * (s + 1.0));
  double ex = 6.0 * ((a - b) * (a - b) * (s + 1.0) - a * b * (s + 2.0)) / (a * b * (s + 2.0) * (s + 3.0));
  closed c = {lo + w * a / s, var, (3.0 + ex) * var * var, lo + w * median01};
  return c;
}

static ind_dist beta_dist(double a, double b, double lo, double hi) {
  ind_dist d = dist2(IND_DIST_BETA, a, b);
  d.c = lo;
  d.d = hi;
  return d;
}

static void test_beta(gsl_rng *rng) {
  /* beta(1, 3) on [10, 20]: asymmetric, median 10 + 10·(1 − 2^{−1/3}) */
  ind_dist d = beta_dist(1.0, 3.0, 10.0, 20.0);
  closed c = beta_closed(1.0, 3.0, 10.0, 20.0, 1.0 - pow(2.0, -1.0 / 3.0));
  check_kind("beta(1,3)", &d, &c, 1, rng);
  /* beta(2.5, 1) on [−1, 1]: median −1 + 2·2^{−1/2.5} */
  d = beta_dist(2.5, 1.0, -1.0, 1.0);
  c = beta_closed(2.5, 1.0, -1.0, 1.0, pow(2.0, -1.0 / 2.5));
  check_kind("beta(2.5,1)", &d, &c, 1, rng);
  /* beta(2, 5) on [0.01, 0.05]: no closed-form median; moments and cdf only.
   * The median is found by bisection on the closed-form cdf of beta(2, 5):
   * I_x(2, 5) = 1 − (1 − x)^5·(1 + 5x) (integrating 30 x (1 − x)^4). */
  d = beta_dist(2.0, 5.0, 0.01, 0.05);
  double lo = 0.0, hi = 1.0;
  for (int i = 0; i < 200; i++) {
    double mid = 0.5 * (lo + hi);
    if (1.0 - pow(1.0 - mid, 5) * (1.0 + 5.0 * mid) < 0.5) lo = mid;
    else hi = mid;
  }
  c = beta_closed(2.0, 5.0, 0.01, 0.05, 0.5 * (lo + hi));
  check_kind("beta(2,5)", &d, &c, 1, rng);
  CHECK_ABS(ind_dist_cdf(&d, 0.01 + 0.04 * 0.3), 1.0 - pow(0.7, 5) * 2.5, ARITH_TOL);
}

/* choice of {1, 2, 5} with probabilities {0.2, 0.5, 0.3}: mean 0.2 + 1 + 1.5
 * = 2.7, E x² = 0.2 + 2 + 7.5 = 9.7, variance 9.7 − 2.7² = 2.41, mu4 by hand
 * below; median 2 (cumulative 0.2, 0.7). Quantiles of a discrete law are the
 * generalised inverse: F(Q(p)) >= p > F(just below Q(p)). Each value's share
 * of the draws is its probability within 5·sqrt(p(1 − p)/N). */
static void test_choice(gsl_rng *rng) {
  ind_dist d = {0};
  d.kind = IND_DIST_CHOICE;
  d.n = 3;
  double v[3] = {1.0, 2.0, 5.0}, p[3] = {0.2, 0.5, 0.3};
  for (int i = 0; i < 3; i++) {
    d.values[i] = v[i];
    d.probs[i] = p[i];
  }
  /* mu4 = 0.2·1.7⁴ + 0.5·0.7⁴ + 0.3·2.3⁴ = 1.67042 + 0.12005 + 8.39523 = 10.1857 */
  closed c = {2.7, 2.41, 0.2 * pow(1.7, 4) + 0.5 * pow(0.7, 4) + 0.3 * pow(2.3, 4), 2.0};
  CHECK_REL(c.mu4, 10.1857, 1e-12);
  check_kind("choice", &d, &c, 0, rng);
  const double ps[] = {0.1, 0.19, 0.21, 0.5, 0.69, 0.71, 0.99}; /* not at 0.2, 0.7: sums of rounded probabilities */
  const double want[] = {1, 1, 2, 2, 2, 5, 5};
  for (int k = 0; k < 7; k++) {
    double q = ind_dist_quantile(&d, ps[k]);
    CHECK_SAME(q, want[k]);
    CHECK(ind_dist_cdf(&d, q) >= ps[k] - 1e-15);
    CHECK(ind_dist_cdf(&d, nextafter(q, -INFINITY)) < ps[k]);
  }
  CHECK_SAME(ind_dist_cdf(&d, 0.5), 0.0);
  CHECK_REL(ind_dist_cdf(&d, 4.9), 0.7, ARITH_TOL);
  long count[3] = {0, 0, 0}, other = 0;
  for (int i = 0; i < N; i++) {
    double x = ind_dist_sample(&d, rng);
    int k = x == 1.0 ? 0 : x == 2.0 ? 1 : x == 5.0 ? 2 : -1;
    if (k < 0) other++;
    else count[k]++;
  }
  CHECK_EQ_LONG(other, 0);
  for (int k = 0; k < 3; k++) CHECK_ABS((double)count[k] / N, p[k], SIGMAS * sqrt(p[k] * (1 - p[k]) / N));
}

/* ---- ind_dist_check ---------------------------------------------------- */

static void refused(ind_dist d, const char *why) {
  const char *msg = ind_dist_check(&d);
  if (!CHECK(msg != NULL)) fprintf(stderr, "    %s was accepted\n", why);
}

static void test_check(void) {
  double nan = NAN, inf = INFINITY;
  refused(dist2(IND_DIST_NORMAL, 0.0, 0.0), "normal sd 0");
  refused(dist2(IND_DIST_NORMAL, 0.0, -1.0), "normal sd -1");
  refused(dist2(IND_DIST_NORMAL, nan, 1.0), "normal mean NaN");
  refused(dist2(IND_DIST_NORMAL, 0.0, nan), "normal sd NaN");
  refused(dist2(IND_DIST_NORMAL, inf, 1.0), "normal mean inf");
  refused(dist2(IND_DIST_LOGNORMAL, 0.0, 0.5), "lognormal median 0");
  refused(dist2(IND_DIST_LOGNORMAL, -1.0, 0.5), "lognormal median -1");
  refused(dist2(IND_DIST_LOGNORMAL, 1.0, 0.0), "lognormal sigma 0");
  refused(dist2(IND_DIST_LOGNORMAL, 1.0, nan), "lognormal sigma NaN");
  refused(dist2(IND_DIST_UNIFORM, 1.0, 1.0), "uniform lo = hi");
  refused(dist2(IND_DIST_UNIFORM, 2.0, 1.0), "uniform lo > hi");
  refused(dist2(IND_DIST_UNIFORM, nan, 1.0), "uniform lo NaN");
  refused(dist2(IND_DIST_UNIFORM, 0.0, nan), "uniform hi NaN");
  ind_dist t = {0};
  t.kind = IND_DIST_TRIANGULAR;
  t.a = 0.0, t.b = -0.1, t.c = 1.0;
  refused(t, "triangular mode below lo");
  t.b = 1.1;
  refused(t, "triangular mode above hi");
  t.a = 1.0, t.b = 1.0, t.c = 1.0;
  refused(t, "triangular lo = hi");
  t.a = 2.0, t.b = 1.5, t.c = 1.0;
  refused(t, "triangular lo > hi");
  t.a = 0.0, t.b = nan, t.c = 1.0;
  refused(t, "triangular mode NaN");
  t.b = 0.0; /* mode at an end is allowed */
  CHECK(ind_dist_check(&t) == NULL);
  t.b = 1.0;
  CHECK(ind_dist_check(&t) == NULL);
  refused(beta_dist(0.0, 2.0, 0.0, 1.0), "beta a = 0");
  refused(beta_dist(2.0, -1.0, 0.0, 1.0), "beta b < 0");
  refused(beta_dist(2.0, 2.0, 1.0, 1.0), "beta lo = hi");
  refused(beta_dist(2.0, 2.0, 1.0, 0.0), "beta lo > hi");
  refused(beta_dist(nan, 2.0, 0.0, 1.0), "beta a NaN");
  refused(beta_dist(2.0, 2.0, nan, 1.0), "beta lo NaN");
  ind_dist ch = {0};
  ch.kind = IND_DIST_CHOICE;
  ch.n = 2;
  ch.values[0] = 1.0, ch.values[1] = 2.0;
  ch.probs[0] = 0.5, ch.probs[1] = 0.4;
  refused(ch, "choice probabilities summing to 0.9");
  ch.probs[1] = 0.6;
  refused(ch, "choice probabilities summing to 1.1");
  ch.probs[0] = 1.2, ch.probs[1] = -0.2;
  refused(ch, "choice with a negative probability (sum 1)");
  ch.probs[0] = nan, ch.probs[1] = 0.5;
  refused(ch, "choice with a NaN probability");
  ch.probs[0] = 0.5, ch.values[1] = nan;
  refused(ch, "choice with a NaN value");
  ch.values[1] = 2.0;
  CHECK(ind_dist_check(&ch) == NULL);
  ch.n = 0;
  refused(ch, "choice of no values");
  ch.n = IND_DIST_MAX_CHOICES + 1;
  refused(ch, "choice of too many values");
  CHECK(ind_dist_check(&(ind_dist){.kind = IND_DIST_NORMAL, .a = 0, .b = 1}) == NULL);
}

int main(void) {
  gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(rng, 20240601UL);
  test_normal(rng);
  test_lognormal(rng);
  test_uniform(rng);
  test_triangular(rng);
  test_beta(rng);
  test_choice(rng);
  test_check();
  gsl_rng_free(rng);
  return check_summary("test_dist");
}
