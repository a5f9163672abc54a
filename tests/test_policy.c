/* test_policy.c — policies and events acting on parameters (additive,
 * multiplicative, strength, targets, ramps and decays, a shared parameter,
 * clamping at a parameter's range), their cost, and transfers of firms
 * between sectors, each against a closed form or an invariant.
 *
 * The base case is a quiet one-sector scenario with TFP growth only: K, L, H,
 * M and v constant, so X(t) = X0·Z(t) with log Z(t) = ∫ g(s) ds from t0, and
 * the year's production value is the integral of X over the year.
 *
 * Tolerances: stocks and flows from the ODE solution at the default rtol 1e-8
 * are compared to 1e-7 relative (growth rates to 1e-7 absolute; see
 * test_closed_forms.c). Sums that Runge–Kutta methods keep exactly (linear
 * invariants such as total capital under a transfer) are compared to 1e-12
 * relative: only round-off may move them. */
#include <gsl/gsl_errno.h>
#include <math.h>

#include "check.h"
#include "fixture.h"
#include "ind_model.h"

#define ODE_TOL 1e-7
#define INV_TOL 1e-12
#define T0 2000
#define LAST 2015

/* ∫_a^b X0·exp(g0·(min(t, ts) - T0) + g1·max(t - ts, 0)) dt: growth g0 until ts, g1 after. */
static double pw_flow(double x0, double g0, double g1, double ts, double a, double b) {
  double v = 0.0;
  if (a < ts) {
    double e = b < ts ? b : ts;
    v += x0 * (exp(g0 * (e - T0)) - exp(g0 * (a - T0))) / g0;
  }
  if (b > ts) {
    double s = a > ts ? a : ts;
    v += x0 * exp(g0 * (ts - T0)) * (exp(g1 * (b - ts)) - exp(g1 * (s - ts))) / g1;
  }
  return v;
}

/* One sector growing at g = 0.02, then at g1 from 2005.0 on: checks every year. */
static void check_step_growth(const ind_result *r, int sector, double g1) {
  const double g0 = 0.02, ts = 2005.0;
  for (int y = T0; y <= LAST; y++) {
    double pv = pw_flow(1000.0, g0, g1, ts, y, y + 1.0);
    double e = y + 1.0, logz = g0 * ((e < ts ? e : ts) - T0) + g1 * (e > ts ? e - ts : 0.0);
    CHECK_REL(ind_result_get(r, y, sector, IND_V_PRODUCTION_VALUE), pv, ODE_TOL);
    CHECK_REL(ind_result_get(r, y, sector, IND_V_TFP_INDEX), exp(logz), ODE_TOL);
    if (y > T0)
      CHECK_ABS(ind_result_get(r, y, sector, IND_V_GROWTH), pv / pw_flow(1000.0, g0, g1, ts, y - 1.0, y) - 1.0,
                ODE_TOL);
  }
  /* after the step every year grows at e^{g1} - 1, before it at e^{g0} - 1 */
  CHECK_ABS(ind_result_get(r, 2004, sector, IND_V_GROWTH), expm1(g0), ODE_TOL);
  CHECK_ABS(ind_result_get(r, 2006, sector, IND_V_GROWTH), expm1(g1), ODE_TOL);
  CHECK_ABS(ind_result_get(r, LAST, sector, IND_V_GROWTH), expm1(g1), ODE_TOL);
}

static ind_scenario *growth_scenario(int nsectors) {
  ind_scenario *sc = quiet_scenario(T0, LAST, nsectors);
  for (int i = 0; i < nsectors; i++) set_param(sc, i, IND_P_G, 0.02);
  return sc;
}

static ind_policy *step_policy(ind_scenario *sc, const char *name, double from) {
  ind_err err = {0};
  ind_policy *p = ind_scenario_add_policy(sc, name, NULL, &err);
  p->profile = (ind_profile){from, 0.0, INFINITY, 0.0};
  return p;
}

typedef struct effect_case {
  const char *what;
  double strength;
  int nfx;
  struct {
    ind_effect_kind kind;
    double size;
  } fx[2];
  double g1; /* expected g after 2005, by hand */
} effect_case;

static void test_effects(void) {
  static const effect_case cases[] = {
      {"additive +0.03", 1.0, 1, {{IND_EFFECT_ADD, 0.03}}, 0.05},                     /* 0.02 + 0.03 */
      {"multiplicative x1.5", 1.0, 1, {{IND_EFFECT_MUL, 0.5}}, 0.03},                 /* 0.02·1.5 */
      {"additive at strength 0.5", 0.5, 1, {{IND_EFFECT_ADD, 0.03}}, 0.035},          /* 0.02 + 0.5·0.03 */
      {"multiplicative at strength 0.5", 0.5, 1, {{IND_EFFECT_MUL, 0.5}}, 0.025},     /* 0.02·(1 + 0.25) */
      {"both", 1.0, 2, {{IND_EFFECT_ADD, 0.01}, {IND_EFFECT_MUL, 0.5}}, 0.04},         /* 0.02·1.5 + 0.01 */
      {"strength 0", 0.0, 1, {{IND_EFFECT_ADD, 0.03}}, 0.02},                          /* no effect */
  };
  for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
    ind_err err = {0};
    ind_scenario *sc = growth_scenario(1);
    ind_policy *p = step_policy(sc, cases[c].what, 2005.0);
    p->strength = cases[c].strength;
    for (int j = 0; j < cases[c].nfx; j++)
      CHECK_EQ_LONG(ind_policy_add_effect(p, IND_P_G, cases[c].fx[j].kind, cases[c].fx[j].size, &err), IND_OK);
    ind_result *r = run_or_report(sc);
    CHECK(r != NULL);
    if (r) check_step_growth(r, 0, cases[c].g1);
    if (r && r->warnings) CHECK_EQ_LONG(r->warnings[0], '\0'); /* nothing clamped */
    ind_result_free(r);
    ind_scenario_free(sc);
  }

  /* two policies multiplying the same parameter: 0.02·(1 + 0.5)·(1 + 1) = 0.06 */
  ind_err err = {0};
  ind_scenario *sc = growth_scenario(1);
  ind_policy_add_effect(step_policy(sc, "a", 2005.0), IND_P_G, IND_EFFECT_MUL, 0.5, &err);
  ind_policy_add_effect(step_policy(sc, "b", 2005.0), IND_P_G, IND_EFFECT_MUL, 1.0, &err);
  ind_result *r = run_or_report(sc);
  CHECK(r != NULL);
  if (r) check_step_growth(r, 0, 0.06);
  ind_result_free(r);
  ind_scenario_free(sc);
}

/* An event is a policy without cost: it moves g all the same. */
static void test_event(void) {
  ind_err err = {0};
  ind_scenario *sc = growth_scenario(1);
  ind_policy *p = step_policy(sc, "wto", 2005.0);
  p->is_event = 1;
  p->cost = 100.0;
  ind_policy_add_effect(p, IND_P_G, IND_EFFECT_ADD, 0.03, &err);
  ind_result *r = run_or_report(sc);
  CHECK(r != NULL);
  if (r) {
    check_step_growth(r, 0, 0.05);
    for (int y = T0; y <= LAST; y++) {
      CHECK_ABS(ind_result_get(r, y, 0, IND_V_POLICY_COST), 0.0, 0.0);
      CHECK_ABS(ind_result_get(r, y, IND_TOTAL, IND_V_POLICY_COST), 0.0, 0.0);
    }
    CHECK_ABS(ind_policy_cost_between(sc, T0, LAST + 1.0), 0.0, 0.0);
  }
  ind_result_free(r);
  /* the same as a policy costs 100 a year from 2005 on: 11 years to 2016 */
  sc->policies[0].is_event = 0;
  CHECK_ABS(ind_policy_cost_between(sc, T0, LAST + 1.0), 1100.0, 1e-9);
  ind_scenario_free(sc);
}

/* Effects reach target sectors only: s2 is targeted, s1 is not. */
static void test_targets(void) {
  ind_err err = {0};
  ind_scenario *sc = growth_scenario(3);
  ind_policy *p = step_policy(sc, "s2 only", 2005.0);
  p->targets = 1u << 1;
  ind_policy_add_effect(p, IND_P_G, IND_EFFECT_ADD, 0.03, &err);
  p = step_policy(sc, "s3 only", 2005.0);
  p->targets = 1u << 2;
  ind_policy_add_effect(p, IND_P_G, IND_EFFECT_MUL, 1.0, &err);
  ind_result *r = run_or_report(sc);
  CHECK(r != NULL);
  if (r) {
    check_step_growth(r, 0, 0.02); /* untouched */
    check_step_growth(r, 1, 0.05);
    check_step_growth(r, 2, 0.04);
  }
  ind_result_free(r);
  ind_scenario_free(sc);
}

/* A ramp and a decay: +0.03 on g, ramp 2 years from 2005, full strength to
 * 2009.0, decay over 2 years. W(t) = ∫ w from 2005:
 *   [2005, 2007]: d²/4 (d = t - 2005)        [2007, 2009]: 1 + (t - 2007)
 *   [2009, 2011]: 3 + s - s²/4 (s = t - 2009) after 2011: 4
 * log Z(t) = 0.02(t - 2000) + 0.03·W(t): the gain stays after the policy ends. */
static double ramp_w_integral(double t) {
  if (t <= 2005.0) return 0.0;
  if (t <= 2007.0) return (t - 2005.0) * (t - 2005.0) / 4.0;
  if (t <= 2009.0) return 1.0 + (t - 2007.0);
  if (t <= 2011.0) {
    double s = t - 2009.0;
    return 3.0 + s - s * s / 4.0;
  }
  return 4.0;
}

static void test_ramp_and_decay(void) {
  ind_err err = {0};
  ind_scenario *sc = growth_scenario(2);
  ind_policy *p = ind_scenario_add_policy(sc, "ramped", NULL, &err);
  p->profile = (ind_profile){2005.0, 2.0, 2009.0, 2.0};
  p->targets = 1u;
  ind_policy_add_effect(p, IND_P_G, IND_EFFECT_ADD, 0.03, &err);
  /* the same profile multiplying g of s2 by (1 + 1.0·w): g = 0.02 + 0.02·w, log Z gains 0.02·W */
  p = ind_scenario_add_policy(sc, "ramped x2", NULL, &err);
  p->profile = (ind_profile){2005.0, 2.0, 2009.0, 2.0};
  p->targets = 2u;
  ind_policy_add_effect(p, IND_P_G, IND_EFFECT_MUL, 1.0, &err);
  ind_result *r = run_or_report(sc);
  CHECK(r != NULL);
  if (r) {
    for (int y = T0; y <= LAST; y++) {
      double e = y + 1.0;
      CHECK_REL(ind_result_get(r, y, 0, IND_V_TFP_INDEX), exp(0.02 * (e - T0) + 0.03 * ramp_w_integral(e)),
                ODE_TOL);
      CHECK_REL(ind_result_get(r, y, 1, IND_V_TFP_INDEX), exp(0.02 * (e - T0) + 0.02 * ramp_w_integral(e)),
                ODE_TOL);
    }
    /* the year 2006 is inside the ramp: W(2006.5) = 1.5²/4 = 0.5625; sanity of the closed form */
    CHECK_ABS(ramp_w_integral(2006.5), 0.5625, 1e-15);
    /* after 2011, back to 2 %: growth e^{0.02} - 1, on a level raised by e^{0.12} */
    CHECK_ABS(ind_result_get(r, 2013, 0, IND_V_GROWTH), expm1(0.02), ODE_TOL);
  }
  ind_result_free(r);
  ind_scenario_free(sc);
}

/* A shared parameter: +10 PCI points on E_target from 2005.0 (step), tau_E = 2:
 * E' = (10 - E)/2, so E(t) = 10·(1 - e^{-(t - 2005)/2}) after 2005, 0 before. */
static void test_business_environment(void) {
  ind_err err = {0};
  ind_scenario *sc = growth_scenario(2);
  set_param(sc, 0, IND_P_TAU_E, 2.0);
  ind_policy *p = step_policy(sc, "reform", 2005.0);
  p->targets = 1u; /* shared parameters ignore targets */
  ind_policy_add_effect(p, IND_P_E_TARGET, IND_EFFECT_ADD, 10.0, &err);
  ind_result *r = run_or_report(sc);
  CHECK(r != NULL);
  if (r) {
    for (int y = T0; y <= LAST; y++) {
      double e = y + 1.0, want = e <= 2005.0 ? 0.0 : 10.0 * -expm1(-(e - 2005.0) / 2.0);
      CHECK_ABS(ind_result_get(r, y, 0, IND_V_BUSINESS_ENV), want, ODE_TOL * 10.0);
      CHECK_ABS(ind_result_get(r, y, IND_TOTAL, IND_V_BUSINESS_ENV), want, ODE_TOL * 10.0);
    }
    /* bs = bF = 0 in the quiet scenario: E moves nothing else */
    check_step_growth(r, 1, 0.02);
  }
  ind_result_free(r);
  ind_scenario_free(sc);
}

/* g moved outside its range [-0.5, 0.5] is held at the limit, and reported:
 * 0.45 + 0.1 = 0.55 -> 0.5 from 2005.0; log Z = 0.45·5 + 0.5·(t - 2005). */
static void test_clamp(void) {
  ind_err err = {0};
  ind_scenario *sc = quiet_scenario(T0, 2008, 1);
  set_param(sc, 0, IND_P_G, 0.45);
  ind_policy_add_effect(step_policy(sc, "too much", 2005.0), IND_P_G, IND_EFFECT_ADD, 0.1, &err);
  ind_result *r = run_or_report(sc);
  CHECK(r != NULL);
  if (r) {
    CHECK_REL(ind_result_get(r, 2008, 0, IND_V_TFP_INDEX), exp(0.45 * 5 + 0.5 * 4), ODE_TOL);
    CHECK_HAS(r->warnings, "g held at its limit from t = 2005.000");
    CHECK_HAS(r->warnings, "s1");
  }
  ind_result_free(r);
  ind_scenario_free(sc);
}

/* g raised by 0.03 from 1 July 2007: the first half of 2007 still grows at
 * 2 % against the first half of 2006, while the second half and the whole
 * year grow faster; each from the closed form. */
static void test_mid_year_change(void) {
  ind_err err = {0};
  ind_scenario *sc = growth_scenario(1);
  ind_policy_add_effect(step_policy(sc, "mid-year", 2007.5), IND_P_G, IND_EFFECT_ADD, 0.03, &err);
  ind_observation h1 = {IND_OBS_PERIOD_GROWTH, 0, IND_V_PRODUCTION_VALUE, 2007, 2007, 0, 6, 0.0, 1.0, NULL};
  ind_observation h2 = h1, yr = h1;
  h2.m0 = 6;
  h2.m1 = 12;
  yr.kind = IND_OBS_GROWTH;
  ind_scenario_add_obs(sc, &h1, &err);
  ind_scenario_add_obs(sc, &h2, &err);
  ind_scenario_add_obs(sc, &yr, &err);
  ind_result *r = run_or_report(sc);
  CHECK(r != NULL);
  if (r) {
    const double g0 = 0.02, g1 = 0.05, ts = 2007.5;
#define F(a, b) pw_flow(1000.0, g0, g1, ts, (a), (b))
    double want_h2 = F(2007.5, 2008.0) / F(2006.5, 2007.0) - 1.0;
    double want_yr = F(2007.0, 2008.0) / F(2006.0, 2007.0) - 1.0;
#undef F
    CHECK_ABS(r->obs_model[0], expm1(g0), ODE_TOL);
    CHECK_ABS(r->obs_model[1], want_h2, ODE_TOL);
    CHECK_ABS(r->obs_model[2], want_yr, ODE_TOL);
    CHECK(want_yr - expm1(g0) > 1e-3 && want_h2 - want_yr > 1e-3); /* they really differ */
  }
  ind_result_free(r);
  ind_scenario_free(sc);
}

/* Transfer from s1 to s2 at 0.1 a year over [2003, 2008), nothing else moving
 * stocks (delta = s = f0 = n = 0). K1 = 700·e^{-0.1·d}, L1 = 100·e^{-0.1·d} with d
 * the time the transfer has run. K1 + K2 and L1 + L2 are linear invariants,
 * which Runge–Kutta keeps to round-off; skilled workers H·L and modern capital
 * M·K are conserved too (H2' = τL1(H1 - H2)/L2 and L2' = τL1 give
 * (H2·L2)' = τ·L1·H1 = -(H1·L1)'), so the total's shares stay put. */
static void test_transfer(double strength) {
  ind_err err = {0};
  ind_scenario *sc = quiet_scenario(T0, LAST, 2);
  set_param(sc, 0, IND_P_SKILLED0, 0.6);
  set_param(sc, 0, IND_P_MODERN0, 0.5);
  set_param(sc, 1, IND_P_OUTPUT0, 2000.0); /* K2 = 2.5·0.28·2000 = 1400 */
  set_param(sc, 1, IND_P_EMPLOYMENT0, 300.0);
  set_param(sc, 1, IND_P_SKILLED0, 0.2);
  set_param(sc, 1, IND_P_MODERN0, 0.1);
  ind_policy *p = ind_scenario_add_policy(sc, "equitisation", NULL, &err);
  p->is_event = 1;
  p->strength = strength;
  p->profile = (ind_profile){2003.0, 0.0, 2008.0, 0.0};
  CHECK_EQ_LONG(ind_policy_add_transfer(p, 0, 1, 0.1, &err), IND_OK);
  double rate = 0.1 * strength;
  /* totals at t0: K 700 + 1400, L 100 + 300, H·L 60 + 60, M·K 350 + 140 */
  const double ktot = 2100.0, ltot = 400.0, skilled = 120.0, modern = 490.0;
  ind_result *r = run_or_report(sc);
  CHECK(r != NULL);
  if (r) {
    for (int y = T0; y <= LAST; y++) {
      double e = y + 1.0, d = e < 2003.0 ? 0.0 : (e > 2008.0 ? 5.0 : e - 2003.0);
      double k1 = 700.0 * exp(-rate * d), l1 = 100.0 * exp(-rate * d);
      CHECK_REL(ind_result_get(r, y, 0, IND_V_CAPITAL), k1, ODE_TOL);
      CHECK_REL(ind_result_get(r, y, 0, IND_V_EMPLOYMENT), l1, ODE_TOL);
      CHECK_REL(ind_result_get(r, y, 1, IND_V_CAPITAL), ktot - k1, ODE_TOL);
      CHECK_REL(ind_result_get(r, y, 0, IND_V_SKILLED_SHARE), 0.6, ODE_TOL); /* the source's shares stay */
      CHECK_REL(ind_result_get(r, y, 0, IND_V_MODERN_TECH_SHARE), 0.5, ODE_TOL);
      /* the destination's share: (all skilled - the source's) / its employment */
      CHECK_REL(ind_result_get(r, y, 1, IND_V_SKILLED_SHARE), (skilled - 0.6 * l1) / (ltot - l1), ODE_TOL);
      CHECK_REL(ind_result_get(r, y, 1, IND_V_MODERN_TECH_SHARE), (modern - 0.5 * k1) / (ktot - k1), ODE_TOL);
      CHECK_REL(ind_result_get(r, y, 0, IND_V_CAPITAL) + ind_result_get(r, y, 1, IND_V_CAPITAL), ktot, INV_TOL);
      CHECK_REL(ind_result_get(r, y, 0, IND_V_EMPLOYMENT) + ind_result_get(r, y, 1, IND_V_EMPLOYMENT), ltot,
                INV_TOL);
      CHECK_REL(ind_result_get(r, y, IND_TOTAL, IND_V_CAPITAL), ktot, INV_TOL);
      CHECK_REL(ind_result_get(r, y, IND_TOTAL, IND_V_SKILLED_SHARE), skilled / ltot, ODE_TOL);
      CHECK_REL(ind_result_get(r, y, IND_TOTAL, IND_V_MODERN_TECH_SHARE), modern / ktot, ODE_TOL);
    }
  }
  ind_result_free(r);
  ind_scenario_free(sc);
}

/* The model's breakpoints: every policy's kinks inside (t0, t1), sorted, each once.
 * A {2005, ramp 2, to 2009, decay 2}: 2005 2007 2009 2011; B {2003, step, forever}: 2003;
 * C {2000, step, to 2007}: 2000 is t0 itself (left out), 2007 again; D {2014, step, to 2020,
 * decay 1}: 2014, while 2020 and 2021 lie after t1 = 2016. */
static void test_model_breakpoints(void) {
  ind_err err = {0};
  ind_scenario *sc = growth_scenario(1);
  static const ind_profile prof[] = {{2005.0, 2.0, 2009.0, 2.0}, {2003.0, 0.0, INFINITY, 0.0},
                                     {2000.0, 0.0, 2007.0, 0.0}, {2014.0, 0.0, 2020.0, 1.0}};
  for (int k = 0; k < 4; k++) ind_scenario_add_policy(sc, "p", NULL, &err)->profile = prof[k];
  ind_model *m = ind_model_alloc(sc, &err);
  CHECK(m != NULL);
  if (m) {
    double b[16];
    static const double want[] = {2003.0, 2005.0, 2007.0, 2009.0, 2011.0, 2014.0};
    int n = ind_model_breakpoints(m, T0, LAST + 1.0, b, 16);
    CHECK_EQ_LONG(n, 6);
    for (int j = 0; j < n && j < 6; j++) CHECK_ABS(b[j], want[j], 0.0);
    ind_model_free(m);
  }
  ind_scenario_free(sc);
}

/* The reinvested share s + ds is held at s_max = 0.6: s = 0.5, credit ds + 0.2 from
 * 2005.0 -> 0.7 -> 0.6. Investment is s_eff·Y (f0 = 0), so investment / value added of
 * a year is 0.5 before 2005 and 0.6 after (both integrals of the same Y). The year
 * just before the jump, 2004, is left to test_accuracy.c, which tests jumps. */
static void test_saving_clamp(void) {
  ind_err err = {0};
  ind_scenario *sc = quiet_scenario(T0, 2008, 1);
  set_param(sc, 0, IND_P_S, 0.5);
  set_param(sc, 0, IND_P_DELTA, 0.05);
  ind_policy_add_effect(step_policy(sc, "credit", 2005.0), IND_P_DS, IND_EFFECT_ADD, 0.2, &err);
  ind_result *r = run_or_report(sc);
  CHECK(r != NULL);
  if (r) {
    for (int y = T0; y <= 2008; y++) {
      if (y == 2004) continue;
      double ratio = ind_result_get(r, y, 0, IND_V_INVESTMENT) / ind_result_get(r, y, 0, IND_V_VALUE_ADDED);
      CHECK_REL(ratio, y < 2005 ? 0.5 : 0.6, ODE_TOL);
    }
    CHECK_HAS(r->warnings, "reinvested share");
    CHECK_HAS(r->warnings, "from t = 2005.000");
  }
  ind_result_free(r);
  ind_scenario_free(sc);
}

int main(void) {
  gsl_set_error_handler_off();
  test_effects();
  test_event();
  test_targets();
  test_ramp_and_decay();
  test_business_environment();
  test_clamp();
  test_saving_clamp();
  test_mid_year_change();
  test_transfer(1.0);
  test_transfer(0.5);
  test_model_breakpoints();
  return check_summary("test_policy");
}
