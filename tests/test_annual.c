/* test_annual.c — the annual results (ind_run: flows of a year from the
 * cumulative stocks, end-of-year stocks, policy cost, the total row) and the
 * model's values of observations, in a two-sector scenario where every
 * quantity has a closed form.
 *
 * Sector s1: X0 = 1000, v0 = 0.3 (Y0 = 300), a = 0.5, kappa = 2.5 (K = 750),
 *   g = 0.04, n = 0.02, theta = 0 (skills do not enter output), H0 = 0.3,
 *   r = rho = 0, M0 = 0.2 frozen. Leff = L = 100·e^{0.02t}, so
 *   Y1 = 300·e^{0.04t}·e^{(1-a)·0.02t} = 300·e^{0.05t}, X1 = 1000·e^{0.05t};
 *   H1' = -n·H1 (hires arrive untrained): H1 = 0.3·e^{-0.02t}, H1·L1 = 30.
 * Sector s2: X0 = 500, v0 = 0.25 (Y0 = 125), kappa = 3 (K = 375), g = 0.01,
 *   dv = -0.02, n = 0 (L = 100), H0 = 0.5, M0 = 0.4:
 *   Y2 = 125·e^{0.01t}, v2 = 0.25·e^{-0.02t}, X2 = Y2/v2 = 500·e^{0.03t}.
 * (t = years since 2000.0.)
 *
 * Tolerances: flows and end-of-year stocks from the ODE solution at the
 * default rtol 1e-8 are compared to 1e-7 relative (see test_closed_forms.c);
 * growth rates (a ratio minus 1) to 1e-7 absolute; policy costs are plain
 * arithmetic on the profiles and are compared to 1e-12 absolute. */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <string.h>

#include "check.h"
#include "fixture.h"
#include "ind_labels.h"
#include "ind_observe.h"

#define ODE_TOL 1e-7
#define COST_TOL 1e-12
#define T0 2000
#define LAST 2012

/* flow over [a, b) of c0·e^{c·t} */
static double flow(double c0, double c, double a, double b) {
  return c0 * (exp(c * (b - T0)) - exp(c * (a - T0))) / c;
}
static double pv1(double a, double b) { return flow(1000.0, 0.05, a, b); }
static double pv2(double a, double b) { return flow(500.0, 0.03, a, b); }
static double va1(double a, double b) { return flow(300.0, 0.05, a, b); }
static double va2(double a, double b) { return flow(125.0, 0.01, a, b); }
static double pvtot(double a, double b) { return pv1(a, b) + pv2(a, b); }

static ind_scenario *two_sectors(void) {
  ind_scenario *sc = quiet_scenario(T0, LAST, 2);
  set_param(sc, 0, IND_P_OUTPUT0, 1000.0);
  set_param(sc, 0, IND_P_VA_SHARE0, 0.3);
  set_param(sc, 0, IND_P_KAPPA, 2.5);
  set_param(sc, 0, IND_P_G, 0.04);
  set_param(sc, 0, IND_P_N, 0.02);
  set_param(sc, 0, IND_P_THETA, 0.0);
  set_param(sc, 0, IND_P_SKILLED0, 0.3);
  set_param(sc, 0, IND_P_MODERN0, 0.2);
  set_param(sc, 1, IND_P_OUTPUT0, 500.0);
  set_param(sc, 1, IND_P_VA_SHARE0, 0.25);
  set_param(sc, 1, IND_P_KAPPA, 3.0);
  set_param(sc, 1, IND_P_G, 0.01);
  set_param(sc, 1, IND_P_DV, -0.02);
  set_param(sc, 1, IND_P_SKILLED0, 0.5);
  set_param(sc, 1, IND_P_MODERN0, 0.4);
  return sc;
}

static void add_obs(ind_scenario *sc, ind_obs_kind kind, int sector, int var, int y0, int y1, double m0,
                    double m1) {
  ind_observation o = {kind, sector, var, y0, y1, m0, m1, 0.0, 1.0, "test"};
  ind_err err = {0};
  if (ind_scenario_add_obs(sc, &o, &err)) fprintf(stderr, "add_obs: %s\n", err.msg);
}

static void test_sector_rows(const ind_result *r) {
  for (int y = T0; y <= LAST; y++) {
    double e = y + 1.0 - T0; /* years from t0 to the end of year y */
    CHECK_REL(ind_result_get(r, y, 0, IND_V_PRODUCTION_VALUE), pv1(y, y + 1), ODE_TOL);
    CHECK_REL(ind_result_get(r, y, 1, IND_V_PRODUCTION_VALUE), pv2(y, y + 1), ODE_TOL);
    CHECK_REL(ind_result_get(r, y, 0, IND_V_VALUE_ADDED), va1(y, y + 1), ODE_TOL);
    CHECK_REL(ind_result_get(r, y, 1, IND_V_VALUE_ADDED), va2(y, y + 1), ODE_TOL);
    CHECK_REL(ind_result_get(r, y, 1, IND_V_VA_SHARE), va2(y, y + 1) / pv2(y, y + 1), ODE_TOL);
    if (y > T0) {
      CHECK_ABS(ind_result_get(r, y, 0, IND_V_GROWTH), expm1(0.05), ODE_TOL);
      CHECK_ABS(ind_result_get(r, y, 1, IND_V_GROWTH), expm1(0.03), ODE_TOL);
    }
    /* labour productivity = value added (bn VND) / average employment (thousand workers),
     * i.e. mn VND per worker; average employment of s1 over the year is
     * ∫ L = 100·(e^{0.02(τ+1)} - e^{0.02τ})/0.02, of s2 100 */
    double lavg1 = flow(100.0, 0.02, y, y + 1);
    CHECK_REL(ind_result_get(r, y, 0, IND_V_LABOUR_PRODUCTIVITY), va1(y, y + 1) / lavg1, ODE_TOL);
    CHECK_REL(ind_result_get(r, y, 1, IND_V_LABOUR_PRODUCTIVITY), va2(y, y + 1) / 100.0, ODE_TOL);
    CHECK_REL(ind_result_get(r, y, 0, IND_V_EMPLOYMENT), 100.0 * exp(0.02 * e), ODE_TOL);
    CHECK_REL(ind_result_get(r, y, 1, IND_V_EMPLOYMENT), 100.0, ODE_TOL);
    CHECK_REL(ind_result_get(r, y, 0, IND_V_SKILLED_SHARE), 0.3 * exp(-0.02 * e), ODE_TOL);
    CHECK_REL(ind_result_get(r, y, 1, IND_V_SKILLED_SHARE), 0.5, ODE_TOL);
    CHECK_REL(ind_result_get(r, y, 0, IND_V_CAPITAL), 750.0, ODE_TOL);
    CHECK_REL(ind_result_get(r, y, 1, IND_V_CAPITAL), 375.0, ODE_TOL);
    CHECK_REL(ind_result_get(r, y, 0, IND_V_TFP_INDEX), exp(0.04 * e), ODE_TOL);
    CHECK_REL(ind_result_get(r, y, 1, IND_V_TFP_INDEX), exp(0.01 * e), ODE_TOL);
    CHECK_ABS(ind_result_get(r, y, 0, IND_V_INVESTMENT), 0.0, 1e-9); /* s = f0 = 0 */
  }
}

static void test_total_row(const ind_result *r) {
  const int T = IND_TOTAL;
  for (int y = T0; y <= LAST; y++) {
    double e = y + 1.0 - T0;
    double va = va1(y, y + 1) + va2(y, y + 1), pv = pvtot(y, y + 1);
    CHECK_REL(ind_result_get(r, y, T, IND_V_PRODUCTION_VALUE), pv, ODE_TOL);
    CHECK_REL(ind_result_get(r, y, T, IND_V_VALUE_ADDED), va, ODE_TOL);
    CHECK_REL(ind_result_get(r, y, T, IND_V_VA_SHARE), va / pv, ODE_TOL);
    if (y > T0) CHECK_ABS(ind_result_get(r, y, T, IND_V_GROWTH), pv / pvtot(y - 1, y) - 1.0, ODE_TOL);
    CHECK_REL(ind_result_get(r, y, T, IND_V_EMPLOYMENT), 100.0 * exp(0.02 * e) + 100.0, ODE_TOL);
    CHECK_REL(ind_result_get(r, y, T, IND_V_CAPITAL), 1125.0, ODE_TOL); /* 750 + 375 */
    /* skilled share weighted by employment: (H1·L1 + H2·L2)/(L1 + L2) = (30 + 50)/(L1 + 100) */
    CHECK_REL(ind_result_get(r, y, T, IND_V_SKILLED_SHARE), 80.0 / (100.0 * exp(0.02 * e) + 100.0), ODE_TOL);
    /* modern share weighted by capital: (0.2·750 + 0.4·375)/1125 = 300/1125 */
    CHECK_REL(ind_result_get(r, y, T, IND_V_MODERN_TECH_SHARE), 300.0 / 1125.0, ODE_TOL);
    /* productivity of the total: total value added over the summed average employment */
    double lavg = flow(100.0, 0.02, y, y + 1) + 100.0;
    CHECK_REL(ind_result_get(r, y, T, IND_V_LABOUR_PRODUCTIVITY), va / lavg, ODE_TOL);
    /* TFP index of the total: value-added weighted */
    double tfp = (exp(0.04 * e) * va1(y, y + 1) + exp(0.01 * e) * va2(y, y + 1)) / va;
    CHECK_REL(ind_result_get(r, y, T, IND_V_TFP_INDEX), tfp, ODE_TOL);
  }
  /* out of the period or of the table: NaN */
  CHECK(isnan(ind_result_get(r, T0 - 1, T, IND_V_PRODUCTION_VALUE)));
  CHECK(isnan(ind_result_get(r, LAST + 1, 0, IND_V_PRODUCTION_VALUE)));
  CHECK(isnan(ind_result_get(r, T0, 3, IND_V_PRODUCTION_VALUE)));
  CHECK(isnan(ind_result_get(r, T0, 0, IND_NVARS)));
  CHECK(isnan(ind_result_get(r, T0, T, IND_V_GROWTH)));
}

/* "support": 100 bn/yr over [2008.0, 2011.0), both sectors: 50 each per year
 * in 2008, 2009, 2010, nothing in 2007 or 2011. "zone": 30 bn/yr from 2009.5
 * on, s1 only: 15 in 2009 (half a year), 30 a year after. "wto" is an event
 * with a cost field of 100: events never cost. */
static void add_cost_policies(ind_scenario *sc) {
  ind_err err = {0};
  ind_policy *p = ind_scenario_add_policy(sc, "support", NULL, &err);
  p->profile = (ind_profile){2008.0, 0.0, 2011.0, 0.0};
  p->cost = 100.0;
  p = ind_scenario_add_policy(sc, "zone", NULL, &err);
  p->profile = (ind_profile){2009.5, 1.0, INFINITY, 0.0};
  p->cost = 30.0;
  p->targets = 1u; /* s1 */
  p = ind_scenario_add_policy(sc, "wto", NULL, &err);
  p->is_event = 1;
  p->profile = (ind_profile){2007.0, 0.0, INFINITY, 0.0};
  p->cost = 100.0;
}

static void test_policy_cost(const ind_scenario *sc, const ind_result *r) {
  static const struct {
    int year;
    double s1, s2;
  } want[] = {
      {2006, 0, 0}, {2007, 0, 0},     /* the event costs nothing */
      {2008, 50, 50},                 /* 100 split over 2 targets */
      {2009, 65, 50},                 /* 50 + 30·0.5 */
      {2010, 80, 50},                 /* 50 + 30 */
      {2011, 30, 0}, {2012, 30, 0},   /* support ended at 2011.0 */
  };
  for (size_t j = 0; j < sizeof want / sizeof *want; j++) {
    int y = want[j].year;
    CHECK_ABS(ind_result_get(r, y, 0, IND_V_POLICY_COST), want[j].s1, COST_TOL);
    CHECK_ABS(ind_result_get(r, y, 1, IND_V_POLICY_COST), want[j].s2, COST_TOL);
    CHECK_ABS(ind_result_get(r, y, IND_TOTAL, IND_V_POLICY_COST), want[j].s1 + want[j].s2, COST_TOL);
  }
  /* [2008, 2012): support 100·3 + zone 30·2.5 = 375 */
  CHECK_ABS(ind_policy_cost_between(sc, 2008.0, 2012.0), 375.0, COST_TOL);
  /* [2000, 2008): only the event is active, and it costs nothing */
  CHECK_ABS(ind_policy_cost_between(sc, 2000.0, 2008.0), 0.0, COST_TOL);
}

/* Cumulative production value from t0, closed form: Q(t) = Σ X0_i(e^{c_i t} - 1)/c_i. */
static double qtot(double t) { return pvtot(T0, t); }

static void test_observations(void) {
  ind_scenario *sc = two_sectors();
  const int T = IND_TOTAL, PV = IND_V_PRODUCTION_VALUE, VA = IND_V_VALUE_ADDED;
  add_obs(sc, IND_OBS_LEVEL, T, PV, 2005, 2005, 0, 0);              /* 0 */
  add_obs(sc, IND_OBS_GROWTH, 0, PV, 2006, 2006, 0, 0);             /* 1 */
  add_obs(sc, IND_OBS_AVG_GROWTH, 0, PV, 2001, 2005, 0, 0);         /* 2 */
  add_obs(sc, IND_OBS_PERIOD_GROWTH, 0, PV, 2007, 2007, 0, 6);      /* 3 */
  add_obs(sc, IND_OBS_PERIOD_GROWTH, T, PV, 2007, 2007, 0, 6);      /* 4 */
  add_obs(sc, IND_OBS_GROWTH, T, PV, 2007, 2007, 0, 0);             /* 5 */
  add_obs(sc, IND_OBS_LEVEL, 1, VA, 2003, 2003, 0, 0);              /* 6 */
  add_obs(sc, IND_OBS_AVG_GROWTH, T, PV, 2001, 2005, 0, 0);         /* 7 */
  add_obs(sc, IND_OBS_PERIOD_GROWTH, 1, VA, 2004, 2004, 3, 9);      /* 8 */
  add_obs(sc, IND_OBS_PERIOD_GROWTH, T, PV, 2007, 2007, 6, 12);     /* 9 */
  add_obs(sc, IND_OBS_GROWTH, 1, PV, 2001, 2001, 0, 0);             /* 10: first growth possible */
  add_obs(sc, IND_OBS_LEVEL, 0, PV, LAST, LAST, 0, 0);              /* 11: last year */
  CHECK_EQ_LONG(sc->nobs, 12);
  ind_result *r = run_or_report(sc);
  CHECK(r != NULL);
  if (r) {
    const double *o = r->obs_model;
    CHECK_EQ_LONG(r->nobs, 12);
    CHECK_REL(o[0], pvtot(2005, 2006), ODE_TOL);
    /* a single exponential: every growth measure of s1 is e^{0.05} - 1 */
    CHECK_ABS(o[1], expm1(0.05), ODE_TOL);
    CHECK_ABS(o[2], expm1(0.05), ODE_TOL);
    CHECK_ABS(o[3], expm1(0.05), ODE_TOL);
    /* the total mixes 5 % and 3 %: the first half of 2007 over the first half of 2006 */
    double h1 = (qtot(2007.5) - qtot(2007.0)) / (qtot(2006.5) - qtot(2006.0)) - 1.0;
    double h2 = (qtot(2008.0) - qtot(2007.5)) / (qtot(2007.0) - qtot(2006.5)) - 1.0;
    double yr = pvtot(2007, 2008) / pvtot(2006, 2007) - 1.0;
    CHECK_ABS(o[4], h1, ODE_TOL);
    CHECK_ABS(o[5], yr, ODE_TOL);
    CHECK_ABS(o[9], h2, ODE_TOL);
    /* they do differ, by far more than the tolerance: the faster sector's weight grows */
    CHECK(h1 < yr && yr < h2 && yr - h1 > 100 * ODE_TOL);
    CHECK_REL(o[6], va2(2003, 2004), ODE_TOL);
    /* (X(2005)/X(2000))^(1/5) - 1, measured from 2000 */
    CHECK_ABS(o[7], pow(pvtot(2005, 2006) / pvtot(2000, 2001), 0.2) - 1.0, ODE_TOL);
    CHECK_ABS(o[8], expm1(0.01), ODE_TOL);
    CHECK_ABS(o[10], expm1(0.03), ODE_TOL);
    CHECK_REL(o[11], pv1(LAST, LAST + 1), ODE_TOL);
    /* an observation agrees with the annual table it is computed like */
    CHECK_REL(o[0], ind_result_get(r, 2005, IND_TOTAL, IND_V_PRODUCTION_VALUE), 1e-14);
    CHECK_ABS(o[5], ind_result_get(r, 2007, IND_TOTAL, IND_V_GROWTH), 1e-14);
  }
  ind_result_free(r);

  /* the instants an observation needs, and their months */
  double t[IND_OBS_MAX_TIMES];
  CHECK_EQ_LONG(ind_obs_times(&sc->obs[9], t), 4);
  CHECK_ABS(t[0], 2006.5, 1e-12);
  CHECK_ABS(t[3], 2008.0, 1e-12);
  CHECK_ABS(ind_obs_months(&sc->obs[8]), 6.0, 0.0);
  CHECK_ABS(ind_obs_months(&sc->obs[2]), 60.0, 0.0);
  CHECK_ABS(ind_obs_time(2007, 3.0), 2007.25, 1e-12);
  /* every kind's label, in English (files, --lang en/both) and Vietnamese (--lang vi tables) */
  static const struct { int k; const char *en, *vi; } labels[] = {
    {0, "level 2005 (total)", "mức năm 2005 (tổng)"},
    {1, "growth 2006 (s1)", "tăng trưởng năm 2006 (s1)"},
    {2, "avg growth 2001-2005 (s1)", "tăng trưởng bình quân 2001-2005 (s1)"},
    {4, "6 months 2007 y/y (total)", "6 tháng đầu năm 2007 so cùng kỳ (tổng)"},
    {6, "value added level 2003 (s2)", "giá trị tăng thêm: mức năm 2003 (s2)"},
    {8, "value added months 4-9 2004 y/y (s2)", "giá trị tăng thêm: tháng 4-9 năm 2004 so cùng kỳ (s2)"},
  };
  for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
    char buf[128];
    const ind_observation *o = &sc->obs[labels[i].k];
    CHECK(strcmp(ind_obs_describe(o, sc, buf, sizeof buf), labels[i].en) == 0);
    CHECK(strcmp(ind_obs_label(o, sc, IND_LANG_EN, buf, sizeof buf), labels[i].en) == 0);
    CHECK(strcmp(ind_obs_label(o, sc, IND_LANG_VI, buf, sizeof buf), labels[i].vi) == 0);
  }
  /* the unit of constant-price money names the scenario's price basis */
  char unit[256];
  ind_label u = ind_var_unit_label_basis(IND_V_PRODUCTION_VALUE, "1994 prices", unit, sizeof unit);
  CHECK(strcmp(u.vi, "tỷ đồng, giá 1994") == 0 && strcmp(u.en, "bn VND, 1994 prices") == 0);
  u = ind_var_unit_label_basis(IND_V_VALUE_ADDED, NULL, unit, sizeof unit);
  CHECK(strcmp(u.vi, "tỷ đồng, giá cố định") == 0 && strcmp(u.en, "bn VND, constant prices") == 0);
  u = ind_var_unit_label_basis(IND_V_VALUE_ADDED, "2010 prices, deflated", unit, sizeof unit);
  CHECK(strcmp(u.vi, "tỷ đồng, 2010 prices, deflated") == 0 && strcmp(u.en, "bn VND, 2010 prices, deflated") == 0);
  u = ind_var_unit_label_basis(IND_V_VALUE_ADDED, "99999999999 prices", unit, sizeof unit); /* not a year: as written */
  CHECK(strcmp(u.vi, "tỷ đồng, 99999999999 prices") == 0 && strcmp(u.en, "bn VND, 99999999999 prices") == 0);
  u = ind_var_unit_label_basis(IND_V_EMPLOYMENT, "1994 prices", unit, sizeof unit);
  CHECK(strcmp(u.en, "thousand workers") == 0); /* not money: no basis */
  ind_scenario_free(sc);
}

int main(void) {
  gsl_set_error_handler_off();
  ind_scenario *sc = two_sectors();
  add_cost_policies(sc);
  ind_result *r = run_or_report(sc);
  CHECK(r != NULL);
  if (r) {
    CHECK_EQ_LONG(r->nyears, LAST - T0 + 1);
    CHECK_EQ_LONG(r->nsectors, 2);
    test_sector_rows(r);
    test_total_row(r);
    test_policy_cost(sc, r);
  }
  ind_result_free(r);
  ind_scenario_free(sc);
  test_observations();
  return check_summary("test_annual");
}
