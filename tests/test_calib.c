/* test_calib.c — calibration (ind_calib.h) against answers known without the
 * fit: values that generated the data, closed forms of one-parameter cases
 * (g = ln(1 + average growth); the precision-weighted mean of a level and a
 * normal prior), invariances of the model (production value depends on g and
 * dv only through g − dv), and a fit on a scenario that has only the used
 * observations. Plus the refusals, and a timing of a 10-parameter fit.
 *
 * Tolerances. The quiet scenarios are solved at rtol 1e-8 (fixture.h): a
 * model value is exact to ~1e-8 relative, and a fit to exact data recovers
 * its values to about that noise divided by the sensitivity; the fit itself
 * stops within 1e-5 posterior sd of the optimum (ind_calib.h). Both are well
 * inside 1e-6 relative (FIT_TOL) in the cases below, whose posterior sds are
 * under 1 % of the values. Standard errors come from a finite-difference
 * Jacobian (ind_calib.c: ~1e-7 relative error) and are compared to 1e-4
 * (SE_TOL). */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "fixture.h"
#include "ind_calib.h"

#define FIT_TOL 1e-6
#define SE_TOL 1e-4
#define Y0 2000
#define Y1 2010

static ind_target par(int sector, int param) { return (ind_target){IND_T_PARAM, sector, param}; }

static ind_observation obs(ind_obs_kind kind, int sector, int y0, int y1, double value, double se) {
  ind_observation o = {0};
  o.kind = kind, o.sector = sector, o.var = IND_V_PRODUCTION_VALUE;
  o.year0 = y0, o.year1 = y1, o.value = value, o.se = se;
  return o;
}

static ind_observation period(int sector, int year, double m0, double m1, double se) {
  ind_observation o = obs(IND_OBS_PERIOD_GROWTH, sector, year, year, 0.0, se);
  o.m0 = m0, o.m1 = m1;
  return o;
}

static void add(ind_scenario *sc, ind_observation o) {
  ind_err err = {0};
  if (ind_scenario_add_obs(sc, &o, &err)) fprintf(stderr, "add_obs: %s\n", err.msg);
}

/* Every observation's value := the model's value at the scenario's values. */
static int observe_model(ind_scenario *sc) {
  ind_result *r = run_or_report(sc);
  if (!r) return 0;
  for (int k = 0; k < sc->nobs; k++) sc->obs[k].value = r->obs_model[k];
  ind_result_free(r);
  return 1;
}

static ind_fit *fit(ind_scenario *sc, const ind_fit_param *p, int np, const ind_fit_opts *o) {
  ind_err err = {0};
  ind_fit *f = NULL;
  if (ind_calibrate(sc, p, np, o, &f, &err)) fprintf(stderr, "ind_calibrate: %s\n", err.msg);
  return f;
}

static double range_lo(int param) { return ind_param_info_get(param)->lo; }
static double range_hi(int param) { return ind_param_info_get(param)->hi; }

/* ---- 1. recovery of the values that generated the data ------------------ */

/* Two sectors with capital accumulation on (so output is not a pure
 * exponential) and TFP growth; observations of every kind generated at the
 * true values with small se; the fit starts 20–50 % away. */
static void test_recovery(void) {
  ind_scenario *sc = quiet_scenario(Y0, Y1, 2);
  const double g[2] = {0.03, 0.06}, x0[2] = {800.0, 300.0};
  for (int i = 0; i < 2; i++) {
    set_param(sc, i, IND_P_G, g[i]);
    set_param(sc, i, IND_P_OUTPUT0, x0[i]);
    set_param(sc, i, IND_P_S, 0.25);
    set_param(sc, i, IND_P_DELTA, 0.06);
  }
  set_param(sc, 1, IND_P_F0, 0.1);
  add(sc, obs(IND_OBS_LEVEL, 0, 2000, 2000, 0, 1.0));
  add(sc, obs(IND_OBS_LEVEL, 1, 2002, 2002, 0, 1.0));
  add(sc, obs(IND_OBS_LEVEL, IND_TOTAL, 2006, 2006, 0, 2.0));
  add(sc, obs(IND_OBS_GROWTH, IND_TOTAL, 2004, 2004, 0, 1e-3));
  add(sc, obs(IND_OBS_GROWTH, 0, 2003, 2003, 0, 1e-3));
  add(sc, obs(IND_OBS_AVG_GROWTH, 1, 2001, 2005, 0, 1e-3));
  add(sc, obs(IND_OBS_AVG_GROWTH, IND_TOTAL, 2006, 2009, 0, 1e-3));
  add(sc, period(0, 2007, 0, 6, 2e-3));
  add(sc, period(1, 2006, 0, 8, 2e-3));
  ind_observation va = obs(IND_OBS_LEVEL, 0, 2001, 2001, 0, 0.5);
  va.var = IND_V_VALUE_ADDED;
  add(sc, va);
  if (!observe_model(sc)) return;

  ind_target t[5] = {par(0, IND_P_G), par(1, IND_P_G), par(0, IND_P_OUTPUT0), par(1, IND_P_OUTPUT0),
                     par(1, IND_P_F0)};
  const double truth[5] = {g[0], g[1], x0[0], x0[1], 0.1};
  ind_fit_param p[5] = {
      {"g.s1", &t[0], 1, 0.045, NULL, range_lo(IND_P_G), range_hi(IND_P_G)},
      {"g.s2", &t[1], 1, 0.04, NULL, range_lo(IND_P_G), range_hi(IND_P_G)},
      {"output0.s1", &t[2], 1, 1000.0, NULL, range_lo(IND_P_OUTPUT0), range_hi(IND_P_OUTPUT0)},
      {"output0.s2", &t[3], 1, 200.0, NULL, range_lo(IND_P_OUTPUT0), range_hi(IND_P_OUTPUT0)},
      {"f0.s2", &t[4], 1, 0.05, NULL, range_lo(IND_P_F0), range_hi(IND_P_F0)},
  };
  ind_fit *f = fit(sc, p, 5, NULL);
  CHECK(f != NULL);
  if (f) {
    CHECK(f->converged);
    CHECK_ABS(f->chi2_data, 0.0, 1e-6); /* exact data: what is left is solver noise, ~(1e-8/se)² */
    for (int j = 0; j < 5; j++) {
      CHECK(isfinite(f->se[j]) && f->se[j] > 0);
      CHECK(f->identified[j]);
      CHECK(fabs(f->x[j] - truth[j]) <= 3.0 * f->se[j]);
      CHECK_REL(f->x[j], truth[j], FIT_TOL);
      CHECK_SAME(ind_target_get(sc, &t[j]), f->x[j]); /* the scenario holds the fit */
      CHECK(isnan(f->prior_z[j]) && isnan(f->shrink[j]));
    }
    CHECK_SAME(f->corr[1 * 5 + 1], 1.0);
    CHECK_ABS(f->corr[0 * 5 + 2], f->corr[2 * 5 + 0], 1e-15);
    CHECK_EQ_LONG(f->ndata, 10);
    CHECK(strstr(f->warnings, "not") == NULL);
    fprintf(stderr, "recovery: %d iterations, %ld runs, chi2 %.3g\n", f->iterations, f->runs, f->chi2_data);
  }
  ind_fit_free(f);
  ind_scenario_free(sc);
}

/* ---- 2. a closed form: g = ln(1 + average growth) ------------------------- */

/* One quiet sector with TFP growth g: X(t) = X0·e^{g(t − t0)}, so every
 * year's production value is e^g times the last's and the average growth
 * over any years is exactly e^g − 1. The fit of g to an average growth a
 * with se s is therefore ln(1 + a), and its sd s·d(ln(1 + a))/da = s/(1 + a). */
static void test_closed_form(void) {
  ind_scenario *sc = quiet_scenario(Y0, Y1, 1);
  const double a = 0.187, s = 0.004;
  add(sc, obs(IND_OBS_AVG_GROWTH, 0, 2001, 2005, a, s));
  ind_target t = par(0, IND_P_G);
  ind_fit_param p = {"g", &t, 1, 0.0, NULL, range_lo(IND_P_G), range_hi(IND_P_G)};
  ind_fit *f = fit(sc, &p, 1, NULL);
  CHECK(f != NULL);
  if (f) {
    CHECK(f->converged);
    CHECK_ABS(f->x[0], log1p(a), FIT_TOL);
    CHECK_REL(f->se[0], s / (1.0 + a), SE_TOL);
    CHECK_ABS(f->model[0], a, 1e-7);
    CHECK(f->identified[0]);
    CHECK_EQ_LONG(strlen(f->warnings), 0);
  }
  ind_fit_free(f);
  ind_scenario_free(sc);

  /* one value setting two targets: g of both sectors of a 2-sector scenario;
   * the total then grows like each sector, and the same closed form holds */
  sc = quiet_scenario(Y0, Y1, 2);
  set_param(sc, 1, IND_P_OUTPUT0, 300.0);
  add(sc, obs(IND_OBS_AVG_GROWTH, IND_TOTAL, 2001, 2005, a, s));
  ind_target both[2] = {par(0, IND_P_G), par(1, IND_P_G)};
  ind_fit_param shared = {"g", both, 2, 0.0, NULL, range_lo(IND_P_G), range_hi(IND_P_G)};
  f = fit(sc, &shared, 1, NULL);
  CHECK(f != NULL);
  if (f) {
    CHECK_ABS(f->x[0], log1p(a), FIT_TOL);
    CHECK_SAME(ind_scenario_get(sc, 0, IND_P_G), f->x[0]);
    CHECK_SAME(ind_scenario_get(sc, 1, IND_P_G), f->x[0]);
  }
  ind_fit_free(f);

  /* an iteration limit the fit cannot meet: a result, with a warning */
  ind_fit_opts one = {1, NULL, 0};
  f = fit(sc, &shared, 1, &one);
  CHECK(f != NULL);
  if (f) {
    CHECK(!f->converged);
    CHECK_EQ_LONG(f->iterations, 1);
    CHECK_HAS(f->warnings, "not converged after 1 iterations (the iteration limit was reached)");
  }
  ind_fit_free(f);
  ind_scenario_free(sc);
}

/* ---- 3. priors ------------------------------------------------------------ */

/* Quiet sectors: production value stays at output0, so the level of any year
 * is output0 exactly (linear, slope 1). A level L with se s and a normal
 * prior (m, t) on output0 give the precision-weighted mean
 * (L/s² + m/t²)/(1/s² + 1/t²) with sd (1/s² + 1/t²)^−½. Sector 2's g and
 * va_share0 of sector 1 reach no observation (production value does not
 * depend on va_share0, docs/model.md §2.2): the fit leaves them at their prior
 * median, with shrink 1 and prior_z 0, and says the data do not identify them. */
static void test_priors(void) {
  ind_scenario *sc = quiet_scenario(Y0, Y1, 2);
  const double L = 1050.0, s = 10.0, m = 1000.0, tau = 20.0;
  add(sc, obs(IND_OBS_LEVEL, 0, 2003, 2003, L, s));
  ind_target t[4] = {par(0, IND_P_OUTPUT0), par(1, IND_P_G), par(0, IND_P_VA_SHARE0), par(1, IND_P_SKILLED0)};
  ind_dist normal_x = {IND_DIST_NORMAL, m, tau, 0, 0, 0, {0}, {0}};
  ind_dist normal_g = {IND_DIST_NORMAL, 0.02, 0.01, 0, 0, 0, {0}, {0}};
  ind_dist lognormal_v = {IND_DIST_LOGNORMAL, 0.3, 0.2, 0, 0, 0, {0}, {0}};
  ind_dist uniform_h = {IND_DIST_UNIFORM, 0.1, 0.5, 0, 0, 0, {0}, {0}};
  ind_fit_param p[4] = {
      {"output0.s1", &t[0], 1, 900.0, &normal_x, range_lo(IND_P_OUTPUT0), range_hi(IND_P_OUTPUT0)},
      {"g.s2", &t[1], 1, 0.05, &normal_g, range_lo(IND_P_G), range_hi(IND_P_G)},
      {"va_share0.s1", &t[2], 1, 0.5, &lognormal_v, range_lo(IND_P_VA_SHARE0), range_hi(IND_P_VA_SHARE0)},
      {"skilled0.s2", &t[3], 1, 0.9, &uniform_h, range_lo(IND_P_SKILLED0), range_hi(IND_P_SKILLED0)},
  };
  ind_fit *f = fit(sc, p, 4, NULL);
  CHECK(f != NULL);
  if (f) {
    double prec = 1.0 / (s * s) + 1.0 / (tau * tau), xmap = (L / (s * s) + m / (tau * tau)) / prec;
    CHECK(f->converged);
    CHECK_REL(f->x[0], xmap, FIT_TOL);                           /* 1040 */
    CHECK_REL(f->se[0], 1.0 / sqrt(prec), SE_TOL);               /* 8.944 */
    CHECK_REL(f->prior_z[0], (xmap - m) / tau, FIT_TOL);         /* 2 */
    CHECK_REL(f->shrink[0], 1.0 / sqrt(prec) / tau, SE_TOL);     /* 0.447 */
    CHECK_REL(f->chi2_data, (xmap - L) * (xmap - L) / (s * s), FIT_TOL);
    CHECK_REL(f->chi2_prior, (xmap - m) * (xmap - m) / (tau * tau), FIT_TOL);
    CHECK(f->identified[0]);
    /* uninformed, normal prior: its mean, the posterior is the prior. The fit
     * stops once a Gauss–Newton step would lower χ² by < 1e-10, i.e. within
     * 1e-5 posterior sd of the optimum: the tolerance of these three. */
    CHECK_ABS(f->x[1], 0.02, 1e-5 * 0.01);
    CHECK_ABS(f->prior_z[1], 0.0, 1e-5);
    CHECK_REL(f->shrink[1], 1.0, SE_TOL);
    CHECK_REL(f->se[1], 0.01, SE_TOL);
    CHECK(!f->identified[1]);
    /* uninformed, lognormal prior: its median; its "sd" median·sigma */
    CHECK_ABS(f->x[2], 0.3, 1e-5 * 0.3 * 0.2);
    CHECK_REL(f->prior_sd[2], 0.3 * 0.2, 1e-6);
    CHECK_REL(f->shrink[2], 1.0, SE_TOL);
    CHECK(!f->identified[2]);
    /* uninformed, uniform(0.1, 0.5) prior: its median 0.3 (the normal score
     * is 0 there), inside the prior's support although the start 0.9 and the
     * admissible range [0, 1] are not; "sd" = 0.4·φ(0) = 0.4/sqrt(2π) */
    CHECK_ABS(f->x[3], 0.3, 1e-5 * 0.4 / sqrt(2.0 * 3.14159265358979323846));
    CHECK_REL(f->prior_sd[3], 0.4 / sqrt(2.0 * 3.14159265358979323846), 1e-6);
    CHECK_REL(f->shrink[3], 1.0, SE_TOL);
    CHECK_ABS(f->corr[0 * 4 + 1], 0.0, 1e-6);
    CHECK_HAS(f->warnings, "not identified by the data: g.s2, va_share0.s1, skilled0.s2");
    CHECK(strstr(f->warnings, "no prior to decide") == NULL); /* priors decide: se finite */
    CHECK(strstr(f->warnings, "output0") == NULL);
    CHECK_SAME(ind_scenario_get(sc, 1, IND_P_G), f->x[1]);
  }
  ind_fit_free(f);
  ind_scenario_free(sc);
}

/* ---- 4. non-identification -------------------------------------------------- */

/* With every other rate zero, Z = e^{g t} and v = v0·e^{dv t}, so production
 * value X = Y/v depends on g and dv only through g − dv: the data identify the
 * difference, not each. output0 is identified. No priors: both named, se NaN,
 * and the fit still reproduces the data. */
static void test_not_identified(void) {
  ind_scenario *sc = quiet_scenario(Y0, Y1, 1);
  set_param(sc, 0, IND_P_G, 0.05);
  set_param(sc, 0, IND_P_DV, -0.02);
  add(sc, obs(IND_OBS_LEVEL, 0, 2001, 2001, 0, 1.0));
  add(sc, obs(IND_OBS_GROWTH, 0, 2004, 2004, 0, 1e-3));
  add(sc, obs(IND_OBS_AVG_GROWTH, 0, 2005, 2008, 0, 1e-3));
  if (!observe_model(sc)) return;
  ind_target t[3] = {par(0, IND_P_G), par(0, IND_P_DV), par(0, IND_P_OUTPUT0)};
  ind_fit_param p[3] = {
      {"g", &t[0], 1, 0.03, NULL, range_lo(IND_P_G), range_hi(IND_P_G)},
      {"dv", &t[1], 1, 0.0, NULL, range_lo(IND_P_DV), range_hi(IND_P_DV)},
      {"output0", &t[2], 1, 1200.0, NULL, range_lo(IND_P_OUTPUT0), range_hi(IND_P_OUTPUT0)},
  };
  ind_fit *f = fit(sc, p, 3, NULL);
  CHECK(f != NULL);
  if (f) {
    CHECK_HAS(f->warnings, "not identified by the data: g, dv");
    CHECK_HAS(f->warnings, "not identified, no prior to decide: g, dv");
    CHECK(isnan(f->se[0]) && isnan(f->se[1]));
    CHECK(isnan(f->corr[0 * 3 + 1]) && isnan(f->cov[2 * 3 + 0]));
    CHECK(!f->identified[0] && !f->identified[1] && f->identified[2]);
    CHECK(isfinite(f->se[2]) && f->se[2] > 0);
    CHECK_ABS(f->x[0] - f->x[1], 0.07, FIT_TOL); /* the identified combination */
    CHECK_REL(f->x[2], 1000.0, FIT_TOL);
    CHECK_ABS(f->chi2_data, 0.0, 1e-6);
    CHECK(f->converged);
  }
  ind_fit_free(f);
  /* data that no value fits exactly: the same verdict, and a fit that still
   * converges (the unresolved direction does not count against it) */
  sc->obs[1].value += 5e-3;
  sc->obs[2].value -= 5e-3;
  f = fit(sc, p, 3, NULL);
  CHECK(f != NULL);
  if (f) {
    CHECK(f->converged);
    CHECK(f->chi2_data > 1.0);
    CHECK_HAS(f->warnings, "not identified, no prior to decide: g, dv");
    CHECK(isnan(f->se[0]) && isnan(f->se[1]) && isfinite(f->se[2]));
  }
  ind_fit_free(f);
  ind_scenario_free(sc);
}

/* ---- 5. bounds ---------------------------------------------------------------- */

/* (a) A start 1e-7 from the upper bound of g and the optimum inside: the fit
 * gets there. (b) Data that want g = ln 1.9 = 0.64, beyond its admissible
 * 0.5: every trial stays inside, so no run is refused, and the fit stops at
 * the bound saying so. (c) A range wider than the admissible one: the
 * refused trials are rejected like bad steps, the fit still ends inside. */
static void test_bounds(void) {
  ind_scenario *sc = quiet_scenario(Y0, Y1, 1);
  ind_target t = par(0, IND_P_G), tx = par(0, IND_P_OUTPUT0);
  double hi = range_hi(IND_P_G);
  add(sc, obs(IND_OBS_AVG_GROWTH, 0, 2001, 2005, 0.05, 1e-3));
  ind_observation level = obs(IND_OBS_LEVEL, 0, 2000, 2000, 2000.0 * 0.05 / log(1.05), 1.0); /* output0 = 2000 */
  add(sc, level);
  ind_fit_param two[2] = {{"g", &t, 1, hi - 1e-7, NULL, range_lo(IND_P_G), hi},
                          {"output0", &tx, 1, 1000.0, NULL, range_lo(IND_P_OUTPUT0), range_hi(IND_P_OUTPUT0)}};
  ind_fit *f = fit(sc, two, 2, NULL);
  CHECK(f != NULL);
  if (f) {
    CHECK(f->converged);
    CHECK_ABS(f->x[0], log(1.05), FIT_TOL);
    CHECK_REL(f->x[1], 2000.0, FIT_TOL);
    CHECK(strstr(f->warnings, "bound") == NULL);
  }
  ind_fit_free(f);
  const unsigned char growth_only[2] = {1, 0};
  ind_fit_opts o = {0, growth_only, 0};
  ind_fit_param p = two[0];
  p.init = 0.0;
  sc->obs[0].value = 0.9;
  f = fit(sc, &p, 1, &o);
  CHECK(f != NULL);
  if (f) {
    CHECK(f->x[0] <= hi && f->x[0] > hi - 1e-6);
    CHECK(f->converged); /* a constrained optimum */
    CHECK_HAS(f->warnings, "g at its upper bound 0.5");
    CHECK(strstr(f->warnings, "failed") == NULL); /* no trial was outside: none refused */
    CHECK(ind_scenario_get(sc, 0, IND_P_G) <= hi);
  }
  ind_fit_free(f);

  p.lo = -1.0, p.hi = 1.0;
  f = fit(sc, &p, 1, &o);
  CHECK(f != NULL);
  if (f) {
    CHECK(f->x[0] <= hi && f->x[0] > hi - 1e-3);
    CHECK_HAS(f->warnings, "trial runs failed");
    CHECK(ind_scenario_get(sc, 0, IND_P_G) <= hi);
  }
  ind_fit_free(f);
  ind_scenario_free(sc);
}

/* ---- 6. use_obs ----------------------------------------------------------------- */

/* Observations 1 and 3 are flagged; 2 and 4 disagree wildly with them. The
 * fit must equal the fit on a scenario that has only 1 and 3. */
static void test_use_obs(void) {
  ind_scenario *all = quiet_scenario(Y0, Y1, 1), *some = quiet_scenario(Y0, Y1, 1);
  ind_observation o[4] = {obs(IND_OBS_LEVEL, 0, 2002, 2002, 1100.0, 5.0), obs(IND_OBS_LEVEL, 0, 2003, 2003, 3000.0, 5.0),
                          obs(IND_OBS_AVG_GROWTH, 0, 2003, 2006, 0.04, 2e-3),
                          obs(IND_OBS_GROWTH, 0, 2008, 2008, -0.3, 2e-3)};
  for (int k = 0; k < 4; k++) add(all, o[k]);
  add(some, o[0]);
  add(some, o[2]);
  const unsigned char use[4] = {1, 0, 1, 0};
  ind_fit_opts opts = {0, use, 0};
  ind_target t[2] = {par(0, IND_P_OUTPUT0), par(0, IND_P_G)};
  ind_dist prior = {IND_DIST_NORMAL, 0.02, 0.01, 0, 0, 0, {0}, {0}};
  ind_fit_param p[2] = {{"output0", &t[0], 1, 1000.0, NULL, range_lo(IND_P_OUTPUT0), range_hi(IND_P_OUTPUT0)},
                        {"g", &t[1], 1, 0.0, &prior, range_lo(IND_P_G), range_hi(IND_P_G)}};
  ind_fit *fa = fit(all, p, 2, &opts), *fs = fit(some, p, 2, NULL);
  CHECK(fa && fs);
  if (fa && fs) {
    CHECK_EQ_LONG(fa->ndata, 2);
    for (int j = 0; j < 2; j++) {
      CHECK_REL(fa->x[j], fs->x[j], FIT_TOL);
      CHECK_REL(fa->se[j], fs->se[j], SE_TOL);
    }
    CHECK_REL(fa->chi2_data, fs->chi2_data, 1e-5);
    CHECK_REL(fa->model[0], fs->model[0], FIT_TOL);
    CHECK_REL(fa->model[2], fs->model[1], FIT_TOL);
    CHECK(isfinite(fa->model[1]) && isfinite(fa->model[3])); /* unused ones are still computed */
    CHECK(fabs(fa->model[1] - 3000.0) > 1000.0);
  }
  ind_fit_free(fa);
  ind_fit_free(fs);
  ind_scenario_free(all);
  ind_scenario_free(some);
}

/* ---- refusals ------------------------------------------------------------------- */

static void test_refusals(void) {
  ind_scenario *sc = quiet_scenario(Y0, Y1, 1);
  add(sc, obs(IND_OBS_LEVEL, 0, 2002, 2002, 1100.0, 5.0));
  ind_target t = par(0, IND_P_OUTPUT0), bad_target = {IND_T_EFFECT, 3, 0};
  ind_dist choice = {IND_DIST_CHOICE, 0, 0, 0, 0, 2, {1.0, 2.0}, {0.5, 0.5}};
  ind_fit_param p = {"output0", &t, 1, 5000.0, &choice, 1.0, 1e6};
  ind_err err = {0};
  ind_fit *f = (ind_fit *)&err; /* must be set to NULL */
  CHECK_EQ_LONG(ind_calibrate(sc, &p, 1, NULL, &f, &err), IND_EINVAL);
  CHECK(f == NULL);
  CHECK_HAS(err.msg, "choice");
  p.prior = NULL, p.init = 2e6;
  CHECK_EQ_LONG(ind_calibrate(sc, &p, 1, NULL, &f, &err), IND_EINVAL);
  CHECK_HAS(err.msg, "outside");
  p.init = 5000.0, p.targets = &bad_target;
  CHECK_EQ_LONG(ind_calibrate(sc, &p, 1, NULL, &f, &err), IND_EINVAL);
  CHECK_HAS(err.msg, "does not exist");
  /* a start the model refuses (employment0 < 0, outside its admissible
   * range, within the wider one given): the error says so, nothing changed */
  ind_target l0 = par(0, IND_P_EMPLOYMENT0);
  ind_fit_param q = {"employment0", &l0, 1, -5.0, NULL, -10.0, 1e6};
  CHECK(ind_calibrate(sc, &q, 1, NULL, &f, &err) != IND_OK);
  CHECK_HAS(err.msg, "starting values");
  CHECK_SAME(ind_scenario_get(sc, 0, IND_P_EMPLOYMENT0), 100.0);
  CHECK_SAME(ind_scenario_get(sc, 0, IND_P_OUTPUT0), 1000.0);
  ind_scenario_free(sc);
}

/* ---- timing: 10 values, 14 observations, the engine's default solver -------------- */

static void test_timing(void) {
  ind_err err = {0};
  ind_scenario *sc = ind_scenario_new("timing", 2000, 2010, 3, &err);
  const char *names[3] = {"state", "nonstate", "fdi"};
  const double x0[3] = {9800, 3000, 3500}, g[3] = {0.0, 0.015, 0.015}, f0[3] = {0.03, 0.2, 0.4};
  for (int i = 0; i < 3; i++) {
    ind_scenario_set_sector(sc, i, names[i], NULL, &err);
    set_param(sc, i, IND_P_OUTPUT0, x0[i]);
    set_param(sc, i, IND_P_G, g[i]);
    set_param(sc, i, IND_P_F0, f0[i]);
  }
  add(sc, obs(IND_OBS_LEVEL, IND_TOTAL, 2000, 2000, 0, 300));
  add(sc, obs(IND_OBS_AVG_GROWTH, IND_TOTAL, 2001, 2005, 0, 0.005));
  add(sc, obs(IND_OBS_GROWTH, IND_TOTAL, 2006, 2006, 0, 0.005));
  add(sc, period(IND_TOTAL, 2007, 0, 6, 0.005));
  add(sc, period(IND_TOTAL, 2006, 0, 8, 0.005));
  for (int i = 0; i < 3; i++) {
    add(sc, period(i, 2006, 0, 8, 0.01));
    add(sc, period(i, 2007, 0, 6, 0.01));
    add(sc, obs(IND_OBS_GROWTH, i, 2003, 2003, 0, 0.02));
  }
  if (!observe_model(sc)) return;
  for (int k = 0; k < sc->nobs; k++) sc->obs[k].value += sc->obs[k].se * ((k % 3) - 1.0); /* not exact */
  ind_target t[10];
  ind_dist pr[10];
  ind_fit_param p[10];
  static const char *pn[10] = {"output0.state", "output0.nonstate", "output0.fdi", "g.state", "g.nonstate",
                               "g.fdi", "f0.state", "f0.nonstate", "f0.fdi", "s.state"};
  for (int i = 0; i < 3; i++) {
    t[i] = par(i, IND_P_OUTPUT0), t[3 + i] = par(i, IND_P_G), t[6 + i] = par(i, IND_P_F0);
    pr[i] = (ind_dist){IND_DIST_NORMAL, x0[i] * 1.1, 0.2 * x0[i], 0, 0, 0, {0}, {0}};
    pr[3 + i] = (ind_dist){IND_DIST_NORMAL, 0.015, 0.005, 0, 0, 0, {0}, {0}};
    pr[6 + i] = (ind_dist){IND_DIST_LOGNORMAL, f0[i], 0.5, 0, 0, 0, {0}, {0}};
  }
  t[9] = par(0, IND_P_S);
  pr[9] = (ind_dist){IND_DIST_BETA, 2, 6, 0, 1, 0, {0}, {0}};
  const int ids[10] = {IND_P_OUTPUT0, IND_P_OUTPUT0, IND_P_OUTPUT0, IND_P_G, IND_P_G, IND_P_G, IND_P_F0, IND_P_F0,
                       IND_P_F0, IND_P_S};
  for (int j = 0; j < 10; j++)
    p[j] = (ind_fit_param){pn[j], &t[j], 1, ind_dist_median(&pr[j]), &pr[j], range_lo(ids[j]), range_hi(ids[j])};
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  ind_fit *f = fit(sc, p, 10, NULL);
  clock_gettime(CLOCK_MONOTONIC, &b);
  double secs = (double)(b.tv_sec - a.tv_sec) + 1e-9 * (double)(b.tv_nsec - a.tv_nsec);
  CHECK(f != NULL);
  if (f) {
    CHECK(f->converged);
    /* data only add information: shrink <= 1 (up to the non-normal priors'
     * "sd", taken at their median while the fit's is taken at x) */
    for (int j = 0; j < 10; j++) CHECK(isfinite(f->se[j]) && f->se[j] > 0 && f->shrink[j] <= 1.0 + 1e-3);
    fprintf(stderr, "timing: 10 values, %d observations: %.3f s, %d iterations, %ld runs (%.3f ms/run), chi2 %.3g + %.3g\n",
            sc->nobs, secs, f->iterations, f->runs, 1e3 * secs / (double)f->runs, f->chi2_data, f->chi2_prior);
    for (int j = 0; j < 10; j++)
      fprintf(stderr, "  %-17s %12.6g ± %-10.3g prior_z %6.2f shrink %5.3f%s\n", pn[j], f->x[j], f->se[j],
              f->prior_z[j], f->shrink[j], f->identified[j] ? "" : "  (not identified by the data)");
    if (*f->warnings) fprintf(stderr, "  warnings:\n%s", f->warnings);
  }
  ind_fit_free(f);
  ind_scenario_free(sc);
}

int main(void) {
  gsl_set_error_handler_off();
  test_recovery();
  test_closed_form();
  test_priors();
  test_not_identified();
  test_bounds();
  test_use_obs();
  test_refusals();
  test_timing();
  return check_summary("test_calib");
}
