/* test_ensemble.c — Monte Carlo ensembles through the core API: per-key
 * reusable runs (ind_runner) and ind_ensemble_run's statistics against
 * closed forms (the draws themselves: test_draw.c).
 *
 * The exact case. A one-sector "quiet" scenario (fixture.h: s = f0 = delta
 * = n = r = rho = p = q = omega = dv = 0) in which only TFP grows, at a rate
 * g: X(t) = X0·e^{g(t − t0)}, so the production value of year y is
 *   PV_y(g) = X0·(e^{g(y + 1 − t0)} − e^{g(y − t0)})/g,
 * increasing in g. With g ~ uniform(a, b), the q-quantile of PV_y is
 * PV_y(a + q(b − a)), and its mean is (1/(b − a))·∫_a^b PV_y(g) dg, computed
 * here with GSL's adaptive quadrature (independently of the engine). The
 * average growth over years y0..y1 is (PV_y1/PV_{y0−1})^{1/(y1−y0+1)} − 1 =
 * e^g − 1, whatever the years.
 *
 * Tolerances.
 *   ODE_TOL = 1e-6 relative: the solver's rtol is 1e-8; annual flows are
 *     differences of cumulative stocks, accurate to ~1e-7 (test_closed_forms
 *     measures it); 1e-6 leaves a margin of 10.
 *   Sampling: 5 standard errors (sd/sqrt(n) for a mean, sqrt(p(1−p)/n) for a
 *     share, the order statistic's sd sqrt(q(1−q)/n) in the uniform's
 *     probability scale for a quantile). The seeds are fixed, so each run
 *     gives the same draws; 5 se would be exceeded by chance with probability
 *     ~6e-7 per check if a stream changed.
 *   Quantiles also carry the sketch's error on top: alpha (0.005 by default)
 *     times the distance from the cell's value at the medians (the sketch
 *     holds deviations from it, ind_ensemble.h).
 *   Where the test recomputes the ensemble's own draws (ind_drawer_apply on
 *     a copy of the scenario, same seed and index), the comparison is exact
 *     up to ODE_TOL (no sampling error).
 *   Determinism across thread counts: bit for bit (memcmp of the doubles). */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_math.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "ensemble_fixture.h"
#include "ind_draw.h"
#include "ind_ensemble.h"
#include "ind_run.h"
#include "ind_scenario.h"

/* ---- helpers ------------------------------------------------------------ */

/* PV_y(g), and the same with g raised by dg from the instant T on:
 * X(t) = X0·e^{g(T − t0)}·e^{(g + dg)(t − T)} for t >= T. */
static double pv(double g, int y) { return X0 * (exp(g * (y + 1 - T0)) - exp(g * (y - T0))) / g; }

static double pv_policy(double g, double dg, int T, int y) {
  if (y + 1 <= T) return pv(g, y);
  double h = g + dg, xT = X0 * exp(g * (T - T0));
  if (y >= T) return xT * (exp(h * (y + 1 - T)) - exp(h * (y - T))) / h;
  return X0 * (exp(g * (T - T0)) - exp(g * (y - T0))) / g + xT * (exp(h * (y + 1 - T)) - 1.0) / h;
}

typedef struct integrand {
  int y, power; /* ∫ PV_y(g)^power, or of the policy's gain when dg != 0 */
  double dg;
  int T;
} integrand;

static double integrand_fn(double g, void *p) {
  const integrand *in = p;
  double v = in->dg != 0.0 ? pv_policy(g, in->dg, in->T, in->y) - pv(g, in->y) : pv(g, in->y);
  return in->power == 1 ? v : v * v;
}

/* (1/(b − a))·∫_a^b f(g)^power dg with GSL's QAG (relative error 1e-12). */
static double uniform_expect(int y, int power, double dg, int T) {
  gsl_integration_workspace *w = gsl_integration_workspace_alloc(100);
  integrand in = {y, power, dg, T};
  gsl_function f = {integrand_fn, &in};
  double res = NAN, abserr;
  gsl_integration_qag(&f, GA, GB, 0.0, 1e-12, 100, GSL_INTEG_GAUSS61, w, &res, &abserr);
  gsl_integration_workspace_free(w);
  return res / (GB - GA);
}

/* The value of `t` in draws 0..n-1 of sc's uncertain numbers, as the
 * ensemble draws them: ind_drawer_apply with the same seed and index, on a
 * fresh copy of sc for each draw (so that no draw depends on the last). */
static double *drawn_values(const ind_scenario *sc, ind_target t, uint64_t seed, long n) {
  ind_err err = {0};
  ind_drawer *d = ind_drawer_alloc(sc, &err);
  double *v = malloc((size_t)n * sizeof *v);
  if (!CHECK(d && v)) {
    fprintf(stderr, "    %s\n", err.msg);
    free(v);
    v = NULL;
  }
  for (long i = 0; v && i < n; i++) {
    ind_scenario *cp = ind_scenario_copy(sc, &err);
    if (!cp || ind_drawer_apply(d, cp, seed, (uint64_t)i, &err)) {
      CHECK(0); /* ind_scenario_copy or ind_drawer_apply failed */
      fprintf(stderr, "    %s\n", err.msg);
      ind_scenario_free(cp);
      free(v);
      v = NULL;
      break;
    }
    v[i] = ind_target_get(cp, &t);
    ind_scenario_free(cp);
  }
  ind_drawer_free(d);
  return v;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static ind_ensemble *ensemble_or_report(const ind_scenario *sc, const ind_scenario *base, const ind_ensemble_opts *o) {
  ind_err err = {0};
  ind_ensemble *e = NULL;
  if (!CHECK(ind_ensemble_run(sc, base, o, &e, &err) == IND_OK)) fprintf(stderr, "    ind_ensemble_run: %s\n", err.msg);
  return e;
}

static ind_stats cell(const ind_ensemble *e, ind_set set, int year, int sector, int var) {
  ind_stats st;
  ind_err err = {0};
  memset(&st, 0, sizeof st);
  if (!CHECK(ind_ensemble_stats(e, set, year, sector, var, &st, &err) == IND_OK)) fprintf(stderr, "    %s\n", err.msg);
  return st;
}

/* ---- the reusable runner ------------------------------------------------ */

/* Two sectors at the engine's defaults (everything moves), a policy adding
 * to g from 2004, an observation. */
static ind_scenario *busy_scenario(const char *name, int with_policy) {
  ind_err err = {0};
  ind_scenario *sc = ind_scenario_new(name, T0, T1, 2, &err);
  if (!sc) return NULL;
  ind_scenario_set_sector(sc, 0, "s1", NULL, &err);
  ind_scenario_set_sector(sc, 1, "s2", NULL, &err);
  if (with_policy) {
    ind_policy *p = ind_scenario_add_policy(sc, "tfp", NULL, &err);
    p->profile.from = 2004;
    p->profile.ramp = 2;
    ind_policy_add_effect(p, IND_P_G, IND_EFFECT_ADD, 0.01, &err);
  }
  ind_observation o = {IND_OBS_GROWTH, IND_TOTAL, IND_V_PRODUCTION_VALUE, 2006, 2006, 0, 0, 0.1, 0.01, "test"};
  ind_scenario_add_obs(sc, &o, &err);
  return sc;
}

/* busy_scenario with a second policy in budget mode (B = 20, B50 = 50 bn
 * VND/yr) from 2003 to 2007: a multiplicative effect on s and a transfer of
 * firms from s1 to s2 at 0.05 a year. */
static ind_scenario *busier_scenario(void) {
  ind_err err = {0};
  ind_scenario *sc = busy_scenario("busier", 1);
  if (!sc) return NULL;
  ind_policy *p = ind_scenario_add_policy(sc, "credit", NULL, &err);
  p->profile.from = 2003;
  p->profile.to = 2008;
  p->budget = 20.0;
  p->b50 = 50.0;
  p->cost = 20.0;
  ind_policy_add_effect(p, IND_P_S, IND_EFFECT_MUL, 0.5, &err);
  ind_policy_add_transfer(p, 0, 1, 0.05, &err);
  return sc;
}

/* Every annual cell, the observations, steps and rhs calls: bit for bit. */
static int same_result(const ind_result *a, const ind_result *b) {
  if (a->nyears != b->nyears || a->nsectors != b->nsectors || a->nobs != b->nobs) return 0;
  size_t n = (size_t)a->nyears * (size_t)(a->nsectors + 1) * IND_NVARS;
  return memcmp(a->annual, b->annual, n * sizeof(double)) == 0 &&
         memcmp(a->obs_model, b->obs_model, (size_t)a->nobs * sizeof(double)) == 0 && a->steps == b->steps &&
         a->rhs_calls == b->rhs_calls && strcmp(a->warnings, b->warnings) == 0;
}

static void check_runner_matches(ind_runner *rn, const ind_scenario *sc, const char *what) {
  ind_err err = {0};
  ind_result *fresh = run_or_report(sc);
  int ok = ind_runner_run(rn, &err) == IND_OK;
  if (!CHECK(ok)) fprintf(stderr, "    %s: %s\n", what, err.msg);
  if (ok && fresh && !CHECK(same_result(ind_runner_result(rn), fresh)))
    fprintf(stderr, "    %s: the runner's result differs from ind_run's\n", what);
  ind_result_free(fresh);
}

static void test_runner(void) {
  ind_err err = {0};
  ind_scenario *sc = busier_scenario();
  if (!CHECK(sc != NULL)) return;
  ind_runner *rn = ind_runner_alloc(sc, &err);
  if (!CHECK(rn != NULL)) {
    fprintf(stderr, "    %s\n", err.msg);
    return;
  }
  check_runner_matches(rn, sc, "first run");
  double pv0 = ind_result_get(ind_runner_result(rn), 2008, IND_TOTAL, IND_V_PRODUCTION_VALUE);
  /* a rate, a starting value (A0 is re-derived), an effect size */
  set_param(sc, 0, IND_P_G, 0.03);
  check_runner_matches(rn, sc, "g of s1 changed");
  CHECK(ind_result_get(ind_runner_result(rn), 2008, IND_TOTAL, IND_V_PRODUCTION_VALUE) != pv0);
  set_param(sc, 1, IND_P_ALPHA, 0.35);
  set_param(sc, 1, IND_P_OUTPUT0, 2500.0);
  check_runner_matches(rn, sc, "alpha and output0 of s2 changed");
  ind_target eff = {IND_T_EFFECT, 0, 0};
  CHECK(ind_target_set(sc, &eff, 0.02, &err) == IND_OK);
  CHECK_SAME(sc->policies[0].effects[0].size, 0.02);
  check_runner_matches(rn, sc, "effect size changed");
  /* the budget-mode policy's B50 (its strength B/(B + B50) is re-derived)
   * and its transfer rate */
  ind_target b50 = {IND_T_B50, 1, 0}, tr = {IND_T_TRANSFER, 1, 0};
  CHECK_SAME(ind_target_get(sc, &b50), 50.0);
  CHECK(ind_target_set(sc, &b50, 10.0, &err) == IND_OK);
  check_runner_matches(rn, sc, "B50 changed");
  CHECK_SAME(ind_target_get(sc, &tr), 0.05);
  CHECK(ind_target_set(sc, &tr, 0.2, &err) == IND_OK);
  check_runner_matches(rn, sc, "transfer rate changed");

  /* out of range: refused with a message naming the parameter, the value
   * and the sector; the runner still works afterwards */
  set_param(sc, 0, IND_P_ALPHA, 0.97);
  ind_err e2 = {0};
  CHECK_EQ_LONG(ind_runner_run(rn, &e2), IND_EINVAL);
  CHECK_HAS(e2.msg, "alpha");
  CHECK_HAS(e2.msg, "0.97");
  CHECK_HAS(e2.msg, "s1");
  set_param(sc, 0, IND_P_ALPHA, 0.5);
  set_param(sc, 0, IND_P_G, 0.015);
  set_param(sc, 1, IND_P_ALPHA, 0.5);
  set_param(sc, 1, IND_P_OUTPUT0, 1000.0);
  CHECK(ind_target_set(sc, &eff, 0.01, &err) == IND_OK);
  CHECK(ind_target_set(sc, &b50, 50.0, &err) == IND_OK);
  CHECK(ind_target_set(sc, &tr, 0.05, &err) == IND_OK);
  check_runner_matches(rn, sc, "back to the start after a refused run");
  CHECK_SAME(ind_result_get(ind_runner_result(rn), 2008, IND_TOTAL, IND_V_PRODUCTION_VALUE), pv0);
  ind_runner_free(rn);
  ind_scenario_free(sc);
}

/* ---- determinism across thread counts ---------------------------------- */

/* Every statistic of two ensembles, bit for bit; returns the number of
 * values that differ (the first few are printed when `report`). */
static long compare_ensembles(const ind_ensemble *a, const ind_ensemble *b, const ind_scenario *sc, int nobs,
                              int ntargets, int report) {
  long diff = 0, total = 0;
  int nsets = ind_ensemble_has_gains(a) ? IND_NSETS : 1;
  for (int set = 0; set < nsets; set++)
    for (int y = sc->first_year; y <= sc->last_year; y++)
      for (int s = -1; s < sc->nsectors; s++)
        for (int v = 0; v < IND_NVARS; v++) {
          ind_stats x, z;
          ind_err err = {0};
          ind_ensemble_stats(a, (ind_set)set, y, s, v, &x, &err);
          ind_ensemble_stats(b, (ind_set)set, y, s, v, &z, &err);
          int same = x.n == z.n && same_bits(x.mean, z.mean) && same_bits(x.sd, z.sd);
          for (int k = 0; k < IND_NFAN; k++) same = same && same_bits(x.q[k], z.q[k]);
          total++;
          if (!same && diff++ < 3 && report)
            fprintf(stderr, "    set %d year %d sector %d var %d: n %ld/%ld mean %.17g/%.17g sd %.17g/%.17g\n", set, y,
                    s, v, x.n, z.n, x.mean, z.mean, x.sd, z.sd);
        }
  for (int k = 0; k < nobs; k++) {
    ind_stats x, z;
    ind_ensemble_obs_stats(a, k, &x, NULL);
    ind_ensemble_obs_stats(b, k, &z, NULL);
    int same = x.n == z.n && same_bits(x.mean, z.mean) && same_bits(x.sd, z.sd);
    for (int j = 0; j < IND_NFAN; j++) same = same && same_bits(x.q[j], z.q[j]);
    diff += !same;
    total++;
  }
  for (int k = 0; k < ntargets; k++) {
    ind_target_stats x, z;
    ind_ensemble_target(a, k, &x, NULL);
    ind_ensemble_target(b, k, &z, NULL);
    int same = same_bits(x.p_met, z.p_met) && same_bits(x.shortfall, z.shortfall) && x.value.n == z.value.n &&
               same_bits(x.value.mean, z.value.mean) && same_bits(x.value.sd, z.value.sd);
    for (int j = 0; j < IND_NFAN; j++) same = same && same_bits(x.value.q[j], z.value.q[j]);
    diff += !same;
    total++;
  }
  if (report) fprintf(stderr, "compared %ld statistics, %ld differ\n", total, diff);
  return diff;
}

static void test_determinism(void) {
  ind_err err = {0};
  /* the busy scenario with four uncertain numbers (one a joint pair), and
   * the same without its policy as the baseline */
  ind_scenario *sc = busy_scenario("busy", 1), *base = busy_scenario("busy base", 0);
  if (!CHECK(sc && base)) return;
  for (int k = 0; k < 2; k++) {
    ind_scenario *s = k ? base : sc;
    add_unc(s, "g.s1", (ind_target){IND_T_PARAM, 0, IND_P_G}, uniform(0.0, 0.03));
    ind_dist tri = {0};
    tri.kind = IND_DIST_TRIANGULAR, tri.a = 0.3, tri.b = 0.4, tri.c = 0.6;
    add_unc(s, "alpha.s2", (ind_target){IND_T_PARAM, 1, IND_P_ALPHA}, tri);
    add_unc(s, "n.s1", (ind_target){IND_T_PARAM, 0, IND_P_N}, normal(0, 1));
    add_unc(s, "n.s2", (ind_target){IND_T_PARAM, 1, IND_P_N}, normal(0, 1));
    const char *keys[2] = {"n.s1", "n.s2"};
    double mean[2] = {0.02, 0.03}, cov[4] = {1e-4, 5e-5, 5e-5, 1e-4};
    CHECK(ind_scenario_add_joint(s, "n", keys, 2, mean, cov, &err) == IND_OK);
  }
  ind_dist ln = {0};
  ln.kind = IND_DIST_LOGNORMAL, ln.a = 0.01, ln.b = 0.3;
  add_unc(sc, "policy.tfp.g", (ind_target){IND_T_EFFECT, 0, 0}, ln);
  ind_observation targets[2] = {
      {IND_OBS_AVG_GROWTH, IND_TOTAL, IND_V_PRODUCTION_VALUE, 2003, 2008, 0, 0, 0.08, 1, "plan"},
      {IND_OBS_LEVEL, 0, IND_V_VALUE_ADDED, 2009, 2009, 0, 0, 400, 1, "plan"},
  };
  ind_ensemble_opts o = {.n = 1000, .seed = 99, .threads = 1, .targets = targets, .ntargets = 2};
  ind_ensemble *e1 = ensemble_or_report(sc, base, &o);
  o.threads = 2;
  ind_ensemble *e2 = ensemble_or_report(sc, base, &o);
  o.threads = 3;
  ind_ensemble *e3 = ensemble_or_report(sc, base, &o);
  o.threads = 2;
  o.seed = 100;
  ind_ensemble *e4 = ensemble_or_report(sc, base, &o);
  if (e1 && e2 && e3 && e4) {
    CHECK_EQ_LONG(ind_ensemble_draws(e1), 1000);
    CHECK_EQ_LONG(ind_ensemble_failed(e1), 0);
    CHECK(ind_ensemble_has_gains(e1));
    CHECK_EQ_LONG(compare_ensembles(e1, e2, sc, sc->nobs, 2, 1), 0);
    CHECK_EQ_LONG(compare_ensembles(e1, e3, sc, sc->nobs, 2, 1), 0);
    CHECK_EQ_LONG(ind_ensemble_draws(e3), ind_ensemble_draws(e1));
    CHECK_EQ_LONG(ind_ensemble_failed(e3), ind_ensemble_failed(e1));
    CHECK_EQ_LONG(ind_ensemble_rhs_calls(e3), ind_ensemble_rhs_calls(e1));
    /* another seed: the statistics of every uncertain cell change */
    ind_stats a = cell(e1, IND_SET_LEVEL, 2008, IND_TOTAL, IND_V_PRODUCTION_VALUE);
    ind_stats b = cell(e4, IND_SET_LEVEL, 2008, IND_TOTAL, IND_V_PRODUCTION_VALUE);
    CHECK(a.mean != b.mean && a.sd != b.sd); /* (quantiles may share a sketch bucket) */
    long random = 0, moved = 0;
    for (int set = 0; set < IND_NSETS; set++)
      for (int y = T0; y <= T1; y++)
        for (int s = -1; s < 2; s++)
          for (int v = 0; v < IND_NVARS; v++) {
            ind_stats x = cell(e1, (ind_set)set, y, s, v), z = cell(e4, (ind_set)set, y, s, v);
            if (!(x.sd > 1e-9 * fabs(x.mean))) continue; /* the same in every draw (costs, E, gains before 2004) */
            random++;
            moved += x.mean != z.mean && x.sd != z.sd;
          }
    fprintf(stderr, "seed 99 vs 100: %ld of %ld cells that vary between draws have another mean and sd\n", moved, random);
    CHECK(random > 600);
    CHECK_EQ_LONG(moved, random);
    /* the targets' statistics are in range */
    ind_target_stats ts;
    CHECK(ind_ensemble_target(e1, 0, &ts, &err) == IND_OK);
    CHECK(ts.p_met >= 0 && ts.p_met <= 1);
    CHECK_EQ_LONG(ind_ensemble_target(e1, 2, &ts, &err), IND_EINVAL);
  }
  ind_ensemble_free(e1);
  ind_ensemble_free(e2);
  ind_ensemble_free(e3);
  ind_ensemble_free(e4);
  ind_scenario_free(sc);
  ind_scenario_free(base);
}

/* ---- the exact case ------------------------------------------------------ */

static void test_exact(void) {
  enum { NE = 4000 };
  const uint64_t seed = 5;
  ind_scenario *sc = exact_scenario("exact", "g");
  if (!CHECK(sc != NULL)) return;
  ind_ensemble_opts o = {.n = NE, .seed = seed, .threads = 2};
  ind_ensemble *e = ensemble_or_report(sc, NULL, &o);
  double *g = drawn_values(sc, TARGET_G, seed, NE);
  if (!e || !g) goto done;
  qsort(g, NE, sizeof *g, cmp_double);
  for (int y = T0; y <= T1; y += 5) {
    ind_stats st = cell(e, IND_SET_LEVEL, y, IND_TOTAL, IND_V_PRODUCTION_VALUE);
    double mean = uniform_expect(y, 1, 0.0, 0), sd = sqrt(uniform_expect(y, 2, 0.0, 0) - mean * mean);
    CHECK_EQ_LONG(st.n, NE);
    /* against the exact mean over the uniform: sampling error */
    CHECK_ABS(st.mean, mean, SIGMAS * sd / sqrt(NE) + ODE_TOL * mean);
    /* against the mean over the ensemble's own draws: ODE error only */
    double m = 0.0;
    for (long i = 0; i < NE; i++) m += pv(g[i], y);
    CHECK_REL(st.mean, m / NE, ODE_TOL);
    fprintf(stderr, "exact case %d: mean %.6f (exact %.6f, of the draws %.6f), sd %.4f (exact %.4f)\n", y, st.mean,
            mean, m / NE, st.sd, sd);
    /* sd: its standard error is sd·sqrt((kurtosis − 1)/(4n)) ≈ sd·0.8 %
     * here (kurtosis ≈ 1.8 as a uniform's); 5 % relative */
    CHECK_REL(st.sd, sd, 0.05);
    /* The sketch holds each draw's deviation from the cell's value in the
     * run at the medians (g = (GA + GB)/2), ref: a quantile x is estimated
     * within ALPHA·|x − ref| (ind_ensemble.h), plus the ODE error. */
    double ref = pv(0.5 * (GA + GB), y);
    for (int k = 0; k < IND_NFAN; k++) {
      double q = ind_fan_levels[k];
      long r = (long)floor(q * (NE - 1)); /* the sketch's rank */
      /* the exact quantile, within the sampling error of the order
       * statistic of rank r (mean (r + 1)/(n + 1), sd sqrt(q(1 − q)/n))
       * and the sketch's error */
      double u = (r + 1.0) / (NE + 1.0), du = SIGMAS * sqrt(q * (1 - q) / NE);
      double xlo = pv(GA + (u - du) * (GB - GA), y), xhi = pv(GA + (u + du) * (GB - GA), y);
      double lo = xlo - ALPHA * fabs(xlo - ref) - ODE_TOL * xlo, hi = xhi + ALPHA * fabs(xhi - ref) + ODE_TOL * xhi;
      double want = pv(GA + q * (GB - GA), y);
      if (!CHECK(st.q[k] >= lo && st.q[k] <= hi))
        fprintf(stderr, "    quantile %g of %d: %.9g not in [%.9g, %.9g] around %.9g\n", q, y, st.q[k], lo, hi, want);
      /* the value of rank r among the ensemble's own draws */
      double xr = pv(g[r], y);
      CHECK_ABS(st.q[k], xr, ALPHA * fabs(xr - ref) + ODE_TOL * xr);
      CHECK_SAME(ind_ensemble_quantile(e, IND_SET_LEVEL, y, IND_TOTAL, IND_V_PRODUCTION_VALUE, q), st.q[k]);
    }
    /* the one sector is the total */
    ind_stats s0 = cell(e, IND_SET_LEVEL, y, 0, IND_V_PRODUCTION_VALUE);
    CHECK_SAME(s0.mean, st.mean);
  }
  /* q = 0 and q = 1: the exact smallest and largest value */
  CHECK_REL(ind_ensemble_quantile(e, IND_SET_LEVEL, T1, IND_TOTAL, IND_V_PRODUCTION_VALUE, 0.0), pv(g[0], T1), ODE_TOL);
  CHECK_REL(ind_ensemble_quantile(e, IND_SET_LEVEL, T1, IND_TOTAL, IND_V_PRODUCTION_VALUE, 1.0), pv(g[NE - 1], T1),
            ODE_TOL);
  /* growth of the first year does not exist: no value in any draw */
  CHECK_EQ_LONG(cell(e, IND_SET_LEVEL, T0, IND_TOTAL, IND_V_GROWTH).n, 0);
  /* a gain without a baseline is refused */
  ind_stats st;
  CHECK_EQ_LONG(ind_ensemble_stats(e, IND_SET_GAIN, 2005, IND_TOTAL, IND_V_PRODUCTION_VALUE, &st, NULL), IND_EINVAL);
  CHECK_EQ_LONG(ind_ensemble_stats(e, IND_SET_LEVEL, T1 + 1, IND_TOTAL, IND_V_PRODUCTION_VALUE, &st, NULL), IND_EINVAL);
done:
  free(g);
  ind_ensemble_free(e);
  ind_scenario_free(sc);
}

/* ---- gains with common random numbers ---------------------------------- */

#define DG 0.01   /* the policy adds DG to g */
#define TP 2005   /* from the start of this year */

static ind_scenario *with_tfp_policy(ind_scenario *sc) {
  ind_err err = {0};
  ind_policy *p = ind_scenario_add_policy(sc, "tfp", NULL, &err);
  p->profile.from = TP;
  ind_policy_add_effect(p, IND_P_G, IND_EFFECT_ADD, DG, &err);
  return sc;
}

static void test_gains(void) {
  ind_scenario *base = exact_scenario("base", "g"), *pol = with_tfp_policy(exact_scenario("policy", "g"));
  if (!CHECK(base && pol)) return;

  /* One draw by hand: the gain is PV_pol(g0) − PV_base(g0) with g0 the
   * draw's value of g (index 0, seed 3). */
  ind_ensemble_opts o = {.n = 1, .seed = 3, .threads = 1};
  ind_ensemble *e = ensemble_or_report(pol, base, &o);
  double *g0 = drawn_values(base, TARGET_G, 3, 1), *g0p = drawn_values(pol, TARGET_G, 3, 1);
  if (e && g0 && g0p) {
    CHECK_SAME(g0[0], g0p[0]); /* the same value in both: the same key */
    for (int y = TP - 1; y <= T1; y += 2) {
      double b = pv(g0[0], y), p = pv_policy(g0[0], DG, TP, y);
      ind_stats lv = cell(e, IND_SET_LEVEL, y, IND_TOTAL, IND_V_PRODUCTION_VALUE);
      ind_stats gn = cell(e, IND_SET_GAIN, y, IND_TOTAL, IND_V_PRODUCTION_VALUE);
      ind_stats gp = cell(e, IND_SET_GAIN_PCT, y, IND_TOTAL, IND_V_PRODUCTION_VALUE);
      CHECK_EQ_LONG(gn.n, 1);
      CHECK_REL(lv.mean, p, ODE_TOL);
      CHECK_ABS(gn.mean, p - b, ODE_TOL * p); /* a difference of two values, each within ODE_TOL */
      CHECK_ABS(gp.mean, 100.0 * (p / b - 1.0), 100.0 * 3 * ODE_TOL); /* a ratio of two values, each within ODE_TOL */
      if (y < TP) CHECK_SAME(gn.mean, 0.0); /* before the policy: the same run */
    }
    fprintf(stderr, "gain, draw 0 (g = %.6f): %d: %.6f (by hand %.6f)\n", g0[0], T1,
            cell(e, IND_SET_GAIN, T1, IND_TOTAL, IND_V_PRODUCTION_VALUE).mean, pv_policy(g0[0], DG, TP, T1) - pv(g0[0], T1));
  }
  free(g0);
  free(g0p);
  ind_ensemble_free(e);

  /* Many draws: the gain's sd is the sd of PV_pol(g) − PV_base(g) over the
   * uniform (quadrature), far below the level's; and far below the gain's
   * sd when the baseline draws g from a stream of its own (key "g_base"). */
  enum { NG = 2000 };
  o.n = NG;
  o.threads = 2;
  e = ensemble_or_report(pol, base, &o);
  ind_scenario *other = exact_scenario("independent base", "g_base");
  ind_ensemble *ei = ensemble_or_report(pol, other, &o);
  if (e && ei) {
    ind_stats lv = cell(e, IND_SET_LEVEL, T1, IND_TOTAL, IND_V_PRODUCTION_VALUE);
    ind_stats gn = cell(e, IND_SET_GAIN, T1, IND_TOTAL, IND_V_PRODUCTION_VALUE);
    ind_stats gi = cell(ei, IND_SET_GAIN, T1, IND_TOTAL, IND_V_PRODUCTION_VALUE);
    double gm = uniform_expect(T1, 1, DG, TP), gsd = sqrt(uniform_expect(T1, 2, DG, TP) - gm * gm);
    fprintf(stderr, "gain %d: mean %.4f (exact %.4f), sd %.4f (exact %.4f); level sd %.4f; independent baseline: gain sd %.4f\n",
            T1, gn.mean, gm, gn.sd, gsd, lv.sd, gi.sd);
    CHECK_EQ_LONG(gn.n, NG);
    CHECK_ABS(gn.mean, gm, SIGMAS * gsd / sqrt(NG) + ODE_TOL * lv.mean);
    CHECK_REL(gn.sd, gsd, 0.05); /* se of an sd ≈ sd·sqrt((kurtosis − 1)/(4n)) ≈ 1 % */
    CHECK(gn.sd < 0.1 * lv.sd);
    CHECK(gi.sd > 1.2 * lv.sd); /* independent noise adds up: ≈ sqrt(2)·the level's */
    /* the gain's mean is the difference of the levels' means (one value per
     * draw each; Welford's means differ only by round-off) */
    ind_ensemble_opts ob = o;
    ind_ensemble *eb = ensemble_or_report(base, NULL, &ob);
    if (eb) {
      ind_stats lb = cell(eb, IND_SET_LEVEL, T1, IND_TOTAL, IND_V_PRODUCTION_VALUE);
      CHECK_ABS(gn.mean, lv.mean - lb.mean, 1e-9 * lv.mean);
      ind_ensemble_free(eb);
    }
  }
  ind_ensemble_free(e);
  ind_ensemble_free(ei);
  ind_scenario_free(other);
  ind_scenario_free(base);
  ind_scenario_free(pol);
}

/* ---- failed draws ------------------------------------------------------- */

/* alpha ~ normal(0.9, 0.1), admissible up to 0.95: the draws above it fail,
 * P = 1 − Phi(0.5) = 0.3085375387259869. g is uncertain too, so that the
 * statistics can be checked against the surviving draws. */
static void test_failures(void) {
  enum { NF = 1000 };
  const uint64_t seed = 11;
  const ind_target ta = {IND_T_PARAM, 0, IND_P_ALPHA};
  ind_scenario *sc = exact_scenario("failing", "g");
  if (!CHECK(sc != NULL)) return;
  add_unc(sc, "alpha", ta, normal(0.9, 0.1));
  double hi = ind_param_info_get(IND_P_ALPHA)->hi, lo = ind_param_info_get(IND_P_ALPHA)->lo;
  CHECK_SAME(hi, 0.95);
  ind_ensemble_opts o = {.n = NF, .seed = seed, .threads = 2};
  ind_ensemble *e = ensemble_or_report(sc, NULL, &o);
  double *alpha = drawn_values(sc, ta, seed, NF), *g = drawn_values(sc, TARGET_G, seed, NF);
  if (e && alpha && g) {
    long bad = 0, first = -1;
    double sum = 0.0;
    for (long i = 0; i < NF; i++) {
      if (alpha[i] > hi || alpha[i] < lo) {
        if (first < 0) first = i;
        bad++;
      } else {
        sum += pv(g[i], 2008);
      }
    }
    fprintf(stderr, "failures: %ld of %d (expected share 0.3085); first: %s\n", ind_ensemble_failed(e), NF,
            ind_ensemble_failure(e));
    CHECK_EQ_LONG(ind_ensemble_draws(e), NF);
    CHECK_EQ_LONG(ind_ensemble_failed(e), bad);
    CHECK_ABS((double)bad / NF, 0.3085375387259869, SIGMAS * sqrt(0.3085 * 0.6915 / NF));
    char want[32];
    snprintf(want, sizeof want, "draw %ld:", first);
    CHECK_HAS(ind_ensemble_failure(e), want);
    CHECK_HAS(ind_ensemble_failure(e), "alpha");
    snprintf(want, sizeof want, "%g", alpha[first]);
    CHECK_HAS(ind_ensemble_failure(e), want);
    /* no failed draw in any statistic */
    ind_stats st = cell(e, IND_SET_LEVEL, 2008, IND_TOTAL, IND_V_PRODUCTION_VALUE);
    CHECK_EQ_LONG(st.n, NF - bad);
    CHECK_REL(st.mean, sum / (NF - bad), ODE_TOL);
    CHECK_EQ_LONG(cell(e, IND_SET_LEVEL, 2008, 0, IND_V_CAPITAL).n, NF - bad);
    CHECK_EQ_LONG(cell(e, IND_SET_LEVEL, 2008, IND_TOTAL, IND_V_GROWTH).n, NF - bad);
    /* the same with one and three threads */
    for (int threads = 1; threads <= 3; threads += 2) {
      o.threads = threads;
      ind_ensemble *e1 = ensemble_or_report(sc, NULL, &o);
      if (!e1) continue;
      CHECK_EQ_LONG(ind_ensemble_failed(e1), bad);
      CHECK(strcmp(ind_ensemble_failure(e1), ind_ensemble_failure(e)) == 0);
      CHECK_SAME(cell(e1, IND_SET_LEVEL, 2008, IND_TOTAL, IND_V_PRODUCTION_VALUE).mean, st.mean);
      ind_ensemble_free(e1);
    }
    /* failing in the baseline only: the same draws fail, and the message
     * says it was the baseline */
    ind_scenario *pol = exact_scenario("policy", "g");
    o.threads = 2;
    ind_ensemble *eb = pol ? ensemble_or_report(pol, sc, &o) : NULL;
    if (eb) {
      CHECK_EQ_LONG(ind_ensemble_failed(eb), bad);
      CHECK_HAS(ind_ensemble_failure(eb), "baseline");
      CHECK_HAS(ind_ensemble_failure(eb), "alpha");
      CHECK_EQ_LONG(cell(eb, IND_SET_GAIN, 2008, IND_TOTAL, IND_V_PRODUCTION_VALUE).n, NF - bad);
      CHECK_EQ_LONG(cell(eb, IND_SET_LEVEL, 2008, IND_TOTAL, IND_V_PRODUCTION_VALUE).n, NF - bad);
    }
    ind_ensemble_free(eb);
    ind_scenario_free(pol);
  }
  free(alpha);
  free(g);
  ind_ensemble_free(e);
  ind_scenario_free(sc);
}

/* An uncertain half-saturation budget: B50 ~ normal(50, 40) bn VND/yr on a
 * budget-mode policy; the draws with B50 <= 0 are out of range (P =
 * Phi(−1.25) = 0.1056) and fail. Only those: a failed draw must not change
 * what the next draws do, so the count is the same for any thread count. */
static void test_failures_b50(void) {
  enum { NB = 1000 };
  const uint64_t seed = 23;
  const ind_target tb = {IND_T_B50, 0, 0};
  ind_err err = {0};
  ind_scenario *sc = exact_scenario("b50", "g");
  if (!CHECK(sc != NULL)) return;
  ind_policy *p = ind_scenario_add_policy(sc, "credit", NULL, &err);
  p->profile.from = 2003;
  p->budget = 20.0;
  p->b50 = 50.0;
  ind_policy_add_effect(p, IND_P_G, IND_EFFECT_ADD, 0.01, &err);
  add_unc(sc, "policy.credit.B50", tb, normal(50.0, 40.0));
  double *b = drawn_values(sc, tb, seed, NB);
  long bad = 0, first = -1;
  for (long i = 0; b && i < NB; i++)
    if (!(b[i] > 0)) {
      if (first < 0) first = i;
      bad++;
    }
  CHECK_ABS((double)bad / NB, 0.10564977366685535, SIGMAS * sqrt(0.1056 * 0.8944 / NB));
  long failed[2] = {-1, -1};
  for (int k = 0; k < 2; k++) {
    ind_ensemble_opts o = {.n = NB, .seed = seed, .threads = k ? 3 : 1};
    ind_ensemble *e = ensemble_or_report(sc, NULL, &o);
    if (!e) continue;
    failed[k] = ind_ensemble_failed(e);
    fprintf(stderr, "B50 ~ normal(50, 40), %d thread(s): %ld of %d draws failed (%ld have B50 <= 0); first: %s\n",
            o.threads, failed[k], NB, bad, ind_ensemble_failure(e));
    CHECK_EQ_LONG(failed[k], bad);
    char want[32];
    snprintf(want, sizeof want, "draw %ld:", first);
    CHECK_HAS(ind_ensemble_failure(e), want);
    CHECK_HAS(ind_ensemble_failure(e), "B50");
    CHECK_EQ_LONG(cell(e, IND_SET_LEVEL, 2008, IND_TOTAL, IND_V_PRODUCTION_VALUE).n, NB - bad);
    ind_ensemble_free(e);
  }
  CHECK_EQ_LONG(failed[1], failed[0]);
  free(b);
  ind_scenario_free(sc);
}

/* ---- plan targets ------------------------------------------------------- */

/* avg_growth 2003..2008 >= 3 %: met when e^g − 1 >= 0.03, i.e. g >= g* =
 * ln 1.03; p_met = (GB − g*)/(GB − GA) = 0.51103 for g ~ uniform(0.01, 0.05).
 * shortfall = E[0.03 − (e^g − 1) | g < g*] = 1.03 − (e^{g*} − e^{GA})/(g* − GA).
 * level 2010 (total) >= 1400: met when g >= the root of PV_2010(g) = 1400. */
static void test_targets(void) {
  enum { NT = 4000 };
  const uint64_t seed = 17;
  const double thr = 0.03, level = 1400.0;
  ind_scenario *sc = exact_scenario("targets", "g");
  if (!CHECK(sc != NULL)) return;
  ind_observation targets[2] = {
      {IND_OBS_AVG_GROWTH, IND_TOTAL, IND_V_PRODUCTION_VALUE, 2003, 2008, 0, 0, thr, 1, "plan"},
      {IND_OBS_LEVEL, IND_TOTAL, IND_V_PRODUCTION_VALUE, T1, T1, 0, 0, level, 1, "plan"},
  };
  ind_ensemble_opts o = {.n = NT, .seed = seed, .threads = 2, .targets = targets, .ntargets = 2};
  ind_ensemble *e = ensemble_or_report(sc, NULL, &o);
  double *g = drawn_values(sc, TARGET_G, seed, NT);
  if (e && g) {
    ind_target_stats ts;
    ind_err err = {0};
    CHECK(ind_ensemble_target(e, 0, &ts, &err) == IND_OK);
    double gs = log1p(thr);
    double p = (GB - gs) / (GB - GA);
    double shortfall = 1.0 + thr - (exp(gs) - exp(GA)) / (gs - GA);
    /* against the closed forms: sampling error. The shortfall's se is the
     * conditional sd of e^g (≈ (g* − GA)/sqrt(12)) over sqrt of the draws
     * that miss. */
    double nmiss = NT * (1 - p), sd_short = (gs - GA) / sqrt(12.0) * exp(gs);
    fprintf(stderr, "target avg growth: p_met %.4f (exact %.4f), shortfall %.6f (exact %.6f), mean %.6f (exact %.6f)\n",
            ts.p_met, p, ts.shortfall, shortfall, ts.value.mean, (exp(GB) - exp(GA)) / (GB - GA) - 1.0);
    CHECK_ABS(ts.p_met, p, SIGMAS * sqrt(p * (1 - p) / NT));
    CHECK_ABS(ts.shortfall, shortfall, SIGMAS * sd_short / sqrt(nmiss) + 1e-6);
    CHECK_ABS(ts.value.mean, (exp(GB) - exp(GA)) / (GB - GA) - 1.0,
              SIGMAS * (GB - GA) / sqrt(12.0) * exp(GB) / sqrt(NT) + 1e-6);
    CHECK_EQ_LONG(ts.value.n, NT);
    /* against the ensemble's own draws: exact up to the ODE error (growth
     * within ~1e-6 absolute; no draw lies that close to the threshold) */
    long met = 0, near = 0;
    double sum = 0.0;
    for (long i = 0; i < NT; i++) {
      double v = expm1(g[i]);
      if (fabs(v - thr) < 1e-6) near++;
      if (v >= thr) met++;
      else sum += thr - v;
    }
    CHECK_EQ_LONG(near, 0);
    CHECK_SAME(ts.p_met, (double)met / NT);
    CHECK_ABS(ts.shortfall, sum / (NT - met), 1e-6);

    /* the level target: g at which PV_2010 = 1400, by bisection */
    double a = GA, b = GB;
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (a + b);
      if (pv(mid, T1) < level) a = mid;
      else b = mid;
    }
    double pl = (GB - a) / (GB - GA);
    CHECK(ind_ensemble_target(e, 1, &ts, &err) == IND_OK);
    fprintf(stderr, "target level %d >= %g: p_met %.4f (exact %.4f, g >= %.6f)\n", T1, level, ts.p_met, pl, a);
    CHECK_ABS(ts.p_met, pl, SIGMAS * sqrt(pl * (1 - pl) / NT));
    long metl = 0;
    for (long i = 0; i < NT; i++) metl += g[i] >= a;
    CHECK_SAME(ts.p_met, (double)metl / NT);
  }
  free(g);
  ind_ensemble_free(e);
  ind_scenario_free(sc);
}

/* ---- memory ------------------------------------------------------------- */

/* ind_ensemble.h: memory is bounded whatever N. Each sketch holds deviations
 * from the run at the medians; a deviation below the cell's floor (1e-3 of the
 * range of the first 256 draws) counts as zero, so a sketch needs at most
 * about 2·ln(range/floor)/ln(gamma) buckets. With 1000 draws the smallest
 * deviations are still a little above the floor; by 20 000 they have reached
 * it, and past that nothing grows: the statistics' memory at 1000 draws is
 * within 25 % of that at 20 000, and 80 000 adds less than 2 % (the uniform g
 * of the exact case bounds the range at the top). */
static void test_memory(void) {
  ind_scenario *sc = exact_scenario("memory", "g");
  if (!CHECK(sc != NULL)) return;
  ind_ensemble_opts o = {.n = 1000, .seed = 1, .threads = 2};
  ind_ensemble *small = ensemble_or_report(sc, NULL, &o);
  o.n = 20000;
  ind_ensemble *big = ensemble_or_report(sc, NULL, &o);
  o.n = 80000;
  ind_ensemble *huge = ensemble_or_report(sc, NULL, &o);
  if (small && big && huge) {
    size_t bs = ind_ensemble_bytes(small), bb = ind_ensemble_bytes(big), bh = ind_ensemble_bytes(huge);
    fprintf(stderr, "memory: %zu bytes after 1000 draws, %zu after 20000, %zu after 80000\n", bs, bb, bh);
    CHECK_REL((double)bb, (double)bs, 0.25);
    CHECK_REL((double)bh, (double)bb, 0.02);
    CHECK_EQ_LONG(ind_ensemble_draws(big), 20000);
  }
  ind_ensemble_free(small);
  ind_ensemble_free(big);
  ind_ensemble_free(huge);
  ind_scenario_free(sc);
}

/* ---- progress and the first year ----------------------------------------- */

typedef struct progress_log {
  int calls, monotone;
  long last, total;
} progress_log;

static void on_progress(void *ud, long done, long total) {
  progress_log *p = ud;
  p->monotone &= done > p->last;
  p->calls++;
  p->last = done;
  p->total = total;
}

/* The progress callback: after each block of draws, `done` rising to n.
 * A level target in the first year needs no earlier year (as an
 * observation's level does not): accepted, and met in every draw when its
 * value is below every PV_T0(g) >= PV_T0(GA) = 1005.02. */
static void test_progress_and_first_year(void) {
  ind_scenario *sc = exact_scenario("progress", "g");
  if (!CHECK(sc != NULL)) return;
  progress_log log = {0, 1, 0, 0};
  ind_observation t = {IND_OBS_LEVEL, IND_TOTAL, IND_V_PRODUCTION_VALUE, T0, T0, 0, 0, 1000.0, 1, "plan"};
  ind_observation ob = t;
  ind_err err = {0};
  CHECK(ind_scenario_add_obs(sc, &ob, &err) == IND_OK); /* valid as an observation */
  ind_ensemble_opts o = {.n = 600, .seed = 1, .threads = 2, .progress = on_progress, .progress_ud = &log};
  ind_ensemble *e = ensemble_or_report(sc, NULL, &o);
  CHECK(log.calls >= 2 && log.monotone);
  CHECK_EQ_LONG(log.last, 600);
  CHECK_EQ_LONG(log.total, 600);
  ind_ensemble_free(e);
  o.progress = NULL;
  o.targets = &t, o.ntargets = 1;
  e = ensemble_or_report(sc, NULL, &o);
  if (e) {
    ind_target_stats ts;
    CHECK(ind_ensemble_target(e, 0, &ts, &err) == IND_OK);
    CHECK_SAME(ts.p_met, 1.0);
  }
  ind_ensemble_free(e);
  ind_scenario_free(sc);
}

/* ---- bad options --------------------------------------------------------- */

static void test_bad_options(void) {
  ind_scenario *sc = exact_scenario("opts", "g"), *other = quiet_scenario(T0, T1 + 1, 1);
  if (!CHECK(sc && other)) return;
  ind_ensemble *e = NULL;
  ind_err err = {0};
  ind_ensemble_opts o = {.n = 0, .seed = 1, .threads = 1};
  CHECK_EQ_LONG(ind_ensemble_run(sc, NULL, &o, &e, &err), IND_EINVAL);
  CHECK(e == NULL);
  o.n = 10, o.threads = 0;
  CHECK_EQ_LONG(ind_ensemble_run(sc, NULL, &o, &e, &err), IND_EINVAL);
  o.threads = 1;
  CHECK_EQ_LONG(ind_ensemble_run(sc, other, &o, &e, &err), IND_EINVAL); /* another period */
  CHECK_HAS(err.msg, "baseline");
  ind_observation t = {IND_OBS_AVG_GROWTH, IND_TOTAL, IND_V_PRODUCTION_VALUE, T0, 2005, 0, 0, 0.05, 1, "plan"};
  o.targets = &t, o.ntargets = 1; /* needs the year before T0 */
  CHECK_EQ_LONG(ind_ensemble_run(sc, NULL, &o, &e, &err), IND_EINVAL);
  ind_scenario_free(sc);
  ind_scenario_free(other);
}

int main(void) {
  gsl_set_error_handler_off();
  test_runner();
  test_determinism();
  test_exact();
  test_gains();
  test_failures();
  test_failures_b50();
  test_targets();
  test_memory();
  test_progress_and_first_year();
  test_bad_options();
  return check_summary("test_ensemble");
}
