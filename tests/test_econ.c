/* test_econ.c — the cost-benefit of a scenario against its baseline
 * (ind_econ.h) on two runs built by hand: no solver, every expected value
 * worked out in the comments.
 *
 * Fixture: 2 sectors (s1 domestic, s2 foreign-invested), 2020–2024. The
 * baseline is flat: each year s1 has production value 700, value added 200,
 * investment 60; s2 300, 100, 40; total 1000, 300, 100; no policy cost. The
 * scenario adds, by year 2020..2024 (total = s1 + s2):
 *   Δ production value  s1  0 30 120 180 240   s2  0 20 80 120 160   total  0 50 200 300 400
 *   Δ value added       s1  0 10  40  60  80   s2  0 10 20  30  40   total  0 20  60  90 120
 *   Δ investment        s1  0 20  10   0   0   s2  0 10  0   0   0   total  0 30  10   0   0
 *   policy cost (total) 0 100 50 0 0 unless a case says otherwise (current prices)
 * Capital at the end of each year: baseline s1 500, s2 300; the scenario's
 *   s1 500 515 520 525 530, s2 300 310 315 318 320 (Δ in 2024: s1 30, s2 20).
 *
 * Unless a case says otherwise: r = 0.10, mcpf = 1, profit outflow 0, no
 * netting of investment, no residual value, deflator 1 in every year, basis 0, base year 0
 * (resolved to 2021, the first year with a cost). Discount factors to 2021:
 *   2020: 1.1   2021: 1   2022: 1/1.1 = 0.9090909   2023: 1/1.21 = 0.8264463
 *   2024: 1/1.331 = 0.7513148
 *
 * Expected values are written as the arithmetic that gives them (C computes
 * it); the decimals in the comments are rounded. Tolerance 1e-12 relative
 * (absolute for zeros): the engine does the same arithmetic, with pow for
 * powers. */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "ind_econ.h"

#define TOL 1e-12
#define T0 2020
#define NY 5
#define NS 2

/* ---- runs by hand ---- */

static ind_result *new_run(int first_year, int nyears, int nsectors) {
  ind_result *r = calloc(1, sizeof *r);
  r->first_year = first_year;
  r->nyears = nyears;
  r->nsectors = nsectors;
  r->annual = calloc((size_t)nyears * (size_t)(nsectors + 1) * IND_NVARS, sizeof *r->annual);
  return r;
}

static double *cell(ind_result *r, int year, int row, int var) {
  size_t k = (size_t)(year - r->first_year) * (size_t)(r->nsectors + 1) + (size_t)row;
  return &r->annual[k * IND_NVARS + (size_t)var];
}

/* Sets var of both sectors in every year, and the total row to their sum. */
static void set_sectors(ind_result *r, int var, const double *s1, const double *s2) {
  for (int k = 0; k < r->nyears; k++) {
    *cell(r, r->first_year + k, 0, var) = s1[k];
    *cell(r, r->first_year + k, 1, var) = s2[k];
    *cell(r, r->first_year + k, r->nsectors, var) = s1[k] + s2[k];
  }
}

/* Policy cost: total row, split evenly between the sectors. */
static void set_cost(ind_result *r, const double *total) {
  double half[NY];
  for (int k = 0; k < NY; k++) half[k] = total[k] / 2.0;
  set_sectors(r, IND_V_POLICY_COST, half, half);
}

static const double zero[NY] = {0};

static ind_result *baseline_run(void) {
  ind_result *r = new_run(T0, NY, NS);
  const double pv1[NY] = {700, 700, 700, 700, 700}, pv2[NY] = {300, 300, 300, 300, 300};
  const double va1[NY] = {200, 200, 200, 200, 200}, va2[NY] = {100, 100, 100, 100, 100};
  const double in1[NY] = {60, 60, 60, 60, 60}, in2[NY] = {40, 40, 40, 40, 40};
  set_sectors(r, IND_V_PRODUCTION_VALUE, pv1, pv2);
  set_sectors(r, IND_V_VALUE_ADDED, va1, va2);
  set_sectors(r, IND_V_INVESTMENT, in1, in2);
  const double k1[NY] = {500, 500, 500, 500, 500}, k2[NY] = {300, 300, 300, 300, 300};
  set_sectors(r, IND_V_CAPITAL, k1, k2);
  set_cost(r, zero);
  return r;
}

static const double standard_cost[NY] = {0, 100, 50, 0, 0};

static ind_result *scenario_run(const double *cost) {
  ind_result *r = new_run(T0, NY, NS);
  const double pv1[NY] = {700, 730, 820, 880, 940}, pv2[NY] = {300, 320, 380, 420, 460};
  const double va1[NY] = {200, 210, 240, 260, 280}, va2[NY] = {100, 110, 120, 130, 140};
  const double in1[NY] = {60, 80, 70, 60, 60}, in2[NY] = {40, 50, 40, 40, 40};
  set_sectors(r, IND_V_PRODUCTION_VALUE, pv1, pv2);
  set_sectors(r, IND_V_VALUE_ADDED, va1, va2);
  set_sectors(r, IND_V_INVESTMENT, in1, in2);
  const double k1[NY] = {500, 515, 520, 525, 530}, k2[NY] = {300, 310, 315, 318, 320};
  set_sectors(r, IND_V_CAPITAL, k1, k2);
  set_cost(r, cost);
  return r;
}

/* The plain parameters of the header comment. */
static ind_econ_params plain(void) {
  ind_econ_params p;
  ind_econ_defaults(&p);
  p.v[IND_E_DISCOUNT] = 0.10;
  p.v[IND_E_MCPF] = 1.0;
  p.v[IND_E_OUTFLOW] = 0.0;
  p.v[IND_E_INVEST_NET] = 0.0;
  p.v[IND_E_RESIDUAL] = 0.0;
  return p;
}

/* ---- expected results ---- */

typedef struct want {
  double pv[NY], va[NY], inv[NY], out[NY], res[NY], ben[NY], ccur[NY], cost[NY], disc[NY], cum[NY];
  double pvb, pvc, npv, bcr; /* bcr NaN: expect NaN */
  int payback, base_year;
} want;

/* Gains at basis 0 (factor 1): the Δ totals of the fixture. */
#define GAINS .pv = {0, 50, 200, 300, 400}, .va = {0, 20, 60, 90, 120}, .inv = {0, 30, 10, 0, 0}
#define DISC_2021 .disc = {1.1, 1, 1 / 1.1, 1 / 1.21, 1 / 1.331}

static int field_ok(double got, double w, const char *name, const char *field, int year) {
  if (check_rel_(got, w, TOL, __FILE__, __LINE__, field)) return 1;
  fprintf(stderr, "    in case '%s', year %d\n", name, year);
  return 0;
}

static void check_econ(const char *name, const ind_econ *e, const want *w) {
  CHECK_EQ_LONG(e->first_year, T0);
  CHECK_EQ_LONG(e->nyears, NY);
  if (!CHECK(e->years != NULL) || e->nyears != NY) return;
  for (int k = 0; k < NY; k++) {
    const ind_econ_year *y = &e->years[k];
    CHECK_EQ_LONG(y->year, T0 + k);
    field_ok(y->gain_pv, w->pv[k], name, "gain_pv", y->year);
    field_ok(y->gain_va, w->va[k], name, "gain_va", y->year);
    field_ok(y->induced_investment, w->inv[k], name, "induced_investment", y->year);
    field_ok(y->outflow, w->out[k], name, "outflow", y->year);
    field_ok(y->residual, w->res[k], name, "residual", y->year);
    field_ok(y->benefit, w->ben[k], name, "benefit", y->year);
    field_ok(y->cost_current, w->ccur[k], name, "cost_current", y->year);
    field_ok(y->cost, w->cost[k], name, "cost", y->year);
    field_ok(y->discount, w->disc[k], name, "discount", y->year);
    field_ok(y->npv_cumulative, w->cum[k], name, "npv_cumulative", y->year);
  }
  field_ok(e->pv_benefit, w->pvb, name, "pv_benefit", 0);
  field_ok(e->pv_cost, w->pvc, name, "pv_cost", 0);
  field_ok(e->npv, w->npv, name, "npv", 0);
  if (isnan(w->bcr)) {
    if (!CHECK(isnan(e->bcr))) fprintf(stderr, "    in case '%s': bcr %g, expected NaN\n", name, e->bcr);
  } else {
    field_ok(e->bcr, w->bcr, name, "bcr", 0);
  }
  if (!CHECK_EQ_LONG(e->payback_year, w->payback)) fprintf(stderr, "    in case '%s'\n", name);
  if (!CHECK_EQ_LONG(e->base_year, w->base_year)) fprintf(stderr, "    in case '%s'\n", name);
}

/* Runs one case: the scenario's run with cost scen_cost, the baseline's with
 * base_cost, parameters p (passed explicitly, or through sc->econ when
 * via_scenario). */
static void run_case(const char *name, const ind_econ_params *p, const double *scen_cost, const double *base_cost,
                     int via_scenario, const want *w) {
  ind_err err = {0};
  ind_scenario *sc = ind_scenario_new("econ", T0, T0 + NY - 1, NS, &err);
  if (!CHECK(sc != NULL)) return;
  ind_result *s = scenario_run(scen_cost), *b = baseline_run();
  set_cost(b, base_cost);
  if (via_scenario) sc->econ = *p;
  ind_econ e;
  ind_status st = ind_econ_compute(sc, s, b, via_scenario ? NULL : p, &e, &err);
  if (CHECK_EQ_LONG(st, IND_OK)) check_econ(name, &e, w);
  else fprintf(stderr, "    case '%s': %s\n", name, err.msg);
  ind_econ_clear(&e);
  ind_result_free(s);
  ind_result_free(b);
  ind_scenario_free(sc);
}

/* ---- cases ---- */

/* Plain. benefit = Δ value added = 0 20 60 90 120; cost = 0 100 50 0 0.
 *   cumulative: 2020: 1.1·0 = 0; 2021: 20 − 100 = −80;
 *     2022: −80 + (60 − 50)/1.1 = −70.9090909;
 *     2023: −70.9090909 + 90/1.21 = 3.4710744;
 *     2024: 3.4710744 + 120/1.331 = 93.6288505
 *   PVB = 20 + 60/1.1 + 90/1.21 + 120/1.331 = 20 + 54.5454545 + 74.3801653 + 90.1577761 = 239.0833959
 *   PVC = 100 + 50/1.1 = 145.4545455; NPV = 93.6288505; BCR = 1.6436983
 *   payback 2023 (negative in 2022, >= 0 from 2023 on). */
static const want plain_want = {
    GAINS, DISC_2021,
    .out = {0},
    .ben = {0, 20, 60, 90, 120},
    .ccur = {0, 100, 50, 0, 0},
    .cost = {0, 100, 50, 0, 0},
    .cum = {0, -80, -80 + 10 / 1.1, -80 + 10 / 1.1 + 90 / 1.21, -80 + 10 / 1.1 + 90 / 1.21 + 120 / 1.331},
    .pvb = 20 + 60 / 1.1 + 90 / 1.21 + 120 / 1.331,
    .pvc = 100 + 50 / 1.1,
    .npv = 20 + 60 / 1.1 + 90 / 1.21 + 120 / 1.331 - (100 + 50 / 1.1),
    .bcr = (20 + 60 / 1.1 + 90 / 1.21 + 120 / 1.331) / (100 + 50 / 1.1),
    .payback = 2023,
    .base_year = 2021,
};

static void test_plain(void) {
  ind_econ_params p = plain();
  run_case("plain", &p, standard_cost, zero, 0, &plain_want);
  run_case("plain, parameters from the scenario", &p, standard_cost, zero, 1, &plain_want);
}

/* The baseline also spends 20 in 2021 (a policy in both): the scenario's
 * spending is 120 in 2021, its extra spending 100 — the plain case again. */
static void test_incremental_cost(void) {
  ind_econ_params p = plain();
  const double scen_cost[NY] = {0, 120, 50, 0, 0}, base_cost[NY] = {0, 20, 0, 0, 0};
  run_case("cost over the baseline's", &p, scen_cost, base_cost, 0, &plain_want);
}

/* Netting investment (net_of_investment = 1):
 *   benefit = Δva − Δinv = 0, 20−30 = −10, 60−10 = 50, 90, 120
 *   cumulative: 0; −10 − 100 = −110; −110 + (50 − 50)/1.1 = −110;
 *     −110 + 90/1.21 = −35.6198347; −35.6198347 + 120/1.331 = 54.5379414
 *   PVB = −10 + 50/1.1 + 90/1.21 + 120/1.331 = −10 + 45.4545455 + 74.3801653 + 90.1577761 = 199.9924869
 *   PVC = 145.4545455; NPV = 54.5379414; BCR = 1.3749483; payback 2024. */
static void test_net_of_investment(void) {
  ind_econ_params p = plain();
  p.v[IND_E_INVEST_NET] = 1.0;
  const want w = {
      GAINS, DISC_2021,
      .out = {0},
      .ben = {0, -10, 50, 90, 120},
      .ccur = {0, 100, 50, 0, 0},
      .cost = {0, 100, 50, 0, 0},
      .cum = {0, -110, -110, -110 + 90 / 1.21, -110 + 90 / 1.21 + 120 / 1.331},
      .pvb = -10 + 50 / 1.1 + 90 / 1.21 + 120 / 1.331,
      .pvc = 100 + 50 / 1.1,
      .npv = -10 + 50 / 1.1 + 90 / 1.21 + 120 / 1.331 - (100 + 50 / 1.1),
      .bcr = (-10 + 50 / 1.1 + 90 / 1.21 + 120 / 1.331) / (100 + 50 / 1.1),
      .payback = 2024,
      .base_year = 2021,
  };
  run_case("net of investment", &p, standard_cost, zero, 0, &w);

  /* A share in between nets that share: 0.5 → benefit 2021 = 20 − 15 = 5,
   * 2022 = 60 − 5 = 55; cumulative 2021: 5 − 100 = −95, 2022: −95 + 5/1.1,
   * 2023: + 90/1.21 = −16.0743802, 2024: + 120/1.331 = 74.0833959. */
  p.v[IND_E_INVEST_NET] = 0.5;
  const want half = {
      GAINS, DISC_2021,
      .out = {0},
      .ben = {0, 5, 55, 90, 120},
      .ccur = {0, 100, 50, 0, 0},
      .cost = {0, 100, 50, 0, 0},
      .cum = {0, -95, -95 + 5 / 1.1, -95 + 5 / 1.1 + 90 / 1.21, -95 + 5 / 1.1 + 90 / 1.21 + 120 / 1.331},
      .pvb = 5 + 55 / 1.1 + 90 / 1.21 + 120 / 1.331,
      .pvc = 100 + 50 / 1.1,
      .npv = 5 + 55 / 1.1 + 90 / 1.21 + 120 / 1.331 - (100 + 50 / 1.1),
      .bcr = (5 + 55 / 1.1 + 90 / 1.21 + 120 / 1.331) / (100 + 50 / 1.1),
      .payback = 2024,
      .base_year = 2021,
  };
  run_case("half the investment netted", &p, standard_cost, zero, 0, &half);
}

/* Residual value, with the investment netted and s2 (index 1) the foreign
 * sector (outflow share 0): induced investment is s1's alone, 0 20 10 0 0;
 * the residual in 2024 is s1's extra capital, 530 − 500 = 30 (s2's 20 is
 * foreign), times residual_value 1.
 *   benefit = 0, 20 − 20 = 0, 60 − 10 = 50, 90, 120 + 30 = 150
 *   cumulative: 0; −100; −100 + (50 − 50)/1.1 = −100; −100 + 90/1.21 = −25.6198347;
 *     + 150/1.331 = 87.0781367
 *   PVB = 50/1.1 + 90/1.21 + 150/1.331 = 232.6980242; PVC = 145.4545455;
 *   payback 2024. With residual_value 0.5 the residual is 15, 2024's benefit 135. */
static void test_residual(void) {
  ind_econ_params p = plain();
  p.v[IND_E_INVEST_NET] = 1.0;
  p.v[IND_E_RESIDUAL] = 1.0;
  p.outflow_sector = 1;
  for (int half = 0; half <= 1; half++) {
    double res = half ? 15 : 30;
    if (half) p.v[IND_E_RESIDUAL] = 0.5;
    const double pvb = 50 / 1.1 + 90 / 1.21 + (120 + res) / 1.331, pvc = 100 + 50 / 1.1;
    const want w = {
        .pv = {0, 50, 200, 300, 400}, .va = {0, 20, 60, 90, 120}, .inv = {0, 20, 10, 0, 0}, DISC_2021,
        .out = {0},
        .res = {0, 0, 0, 0, res},
        .ben = {0, 0, 50, 90, 120 + res},
        .ccur = {0, 100, 50, 0, 0},
        .cost = {0, 100, 50, 0, 0},
        .cum = {0, -100, -100, -100 + 90 / 1.21, pvb - pvc},
        .pvb = pvb,
        .pvc = pvc,
        .npv = pvb - pvc,
        .bcr = pvb / pvc,
        .payback = 2024,
        .base_year = 2021,
    };
    run_case(half ? "half the residual value" : "residual value", &p, standard_cost, zero, 0, &w);
  }
  /* Not netting the investment, nothing comes back: residual 0 whatever residual_value says. */
  p.v[IND_E_INVEST_NET] = 0.0;
  p.v[IND_E_RESIDUAL] = 1.0;
  ind_err err = {0};
  ind_scenario *sc = ind_scenario_new("econ", T0, T0 + NY - 1, NS, &err);
  ind_result *s = scenario_run(standard_cost), *b = baseline_run();
  ind_econ e;
  if (CHECK_EQ_LONG(ind_econ_compute(sc, s, b, &p, &e, &err), IND_OK)) CHECK(e.years[NY - 1].residual == 0.0);
  ind_econ_clear(&e);
  ind_result_free(s);
  ind_result_free(b);
  ind_scenario_free(sc);
}

/* Profit outflow 0.3 of s2's (index 1) value-added gain:
 *   outflow = 0.3 · (0 10 20 30 40) = 0 3 6 9 12
 *   benefit = 0, 17, 54, 81, 108
 *   cumulative: 0; 17 − 100 = −83; −83 + 4/1.1 = −79.3636364;
 *     + 81/1.21 = −12.4214876; + 108/1.331 = 68.7205109
 *   PVB = 17 + 54/1.1 + 81/1.21 + 108/1.331 = 214.1750563; PVC = 145.4545455
 *   NPV = 68.7205109; BCR = 1.4724535; payback 2024. */
static void test_outflow(void) {
  ind_econ_params p = plain();
  p.v[IND_E_OUTFLOW] = 0.3;
  p.outflow_sector = 1;
  /* the foreign-invested sector's own investment (0 10 0 0 0) is not the
   * economy's: induced investment = 30 − 10, 10 − 0 */
  const want w = {
      .pv = {0, 50, 200, 300, 400}, .va = {0, 20, 60, 90, 120}, .inv = {0, 20, 10, 0, 0}, DISC_2021,
      .out = {0, 3, 6, 9, 12},
      .ben = {0, 17, 54, 81, 108},
      .ccur = {0, 100, 50, 0, 0},
      .cost = {0, 100, 50, 0, 0},
      .cum = {0, -83, -83 + 4 / 1.1, -83 + 4 / 1.1 + 81 / 1.21, -83 + 4 / 1.1 + 81 / 1.21 + 108 / 1.331},
      .pvb = 17 + 54 / 1.1 + 81 / 1.21 + 108 / 1.331,
      .pvc = 100 + 50 / 1.1,
      .npv = 17 + 54 / 1.1 + 81 / 1.21 + 108 / 1.331 - (100 + 50 / 1.1),
      .bcr = (17 + 54 / 1.1 + 81 / 1.21 + 108 / 1.331) / (100 + 50 / 1.1),
      .payback = 2024,
      .base_year = 2021,
  };
  run_case("profit outflow", &p, standard_cost, zero, 0, &w);

  /* The share without a sector (outflow_sector −1, the default) takes nothing: the plain case. */
  p.outflow_sector = -1;
  run_case("outflow share without a sector", &p, standard_cost, zero, 0, &plain_want);
}

/* MCPF 1.2: cost = 1.2 · (0 100 50 0 0) = 0 120 60 0 0
 *   cumulative: 0; 20 − 120 = −100; −100 + (60 − 60)/1.1 = −100;
 *     + 90/1.21 = −25.6198347; + 120/1.331 = 64.5379414
 *   PVB = 239.0833959; PVC = 120 + 60/1.1 = 174.5454545; NPV = 64.5379414;
 *   BCR = 1.3697486; payback 2024. */
static void test_mcpf(void) {
  ind_econ_params p = plain();
  p.v[IND_E_MCPF] = 1.2;
  const want w = {
      GAINS, DISC_2021,
      .out = {0},
      .ben = {0, 20, 60, 90, 120},
      .ccur = {0, 100, 50, 0, 0},
      .cost = {0, 120, 60, 0, 0},
      .cum = {0, -100, -100, -100 + 90 / 1.21, -100 + 90 / 1.21 + 120 / 1.331},
      .pvb = 20 + 60 / 1.1 + 90 / 1.21 + 120 / 1.331,
      .pvc = 120 + 60 / 1.1,
      .npv = 20 + 60 / 1.1 + 90 / 1.21 + 120 / 1.331 - (120 + 60 / 1.1),
      .bcr = (20 + 60 / 1.1 + 90 / 1.21 + 120 / 1.331) / (120 + 60 / 1.1),
      .payback = 2024,
      .base_year = 2021,
  };
  run_case("mcpf", &p, standard_cost, zero, 0, &w);
}

/* All four (the defaults' r = 0.1, mcpf 1.2, outflow 0.3, net 1, residual
 * value 1, with s2 as the foreign-invested sector, whose own investment
 * 0 10 0 0 0 is left out of the induced investment: 0 20 10 0 0, and whose
 * extra capital is left out of the residual: s1's 30 in 2024):
 *   benefit = Δva − Δinv − outflow (+ residual) = 0, 20−20−3 = −3, 60−10−6 = 44, 90−9 = 81,
 *             120−12+30 = 138
 *   cost = 0 120 60 0 0
 *   cumulative: 0; −3 − 120 = −123; −123 + (44 − 60)/1.1 = −137.5454545;
 *     + 81/1.21 = −70.6033058; + 138/1.331 = 33.0781367
 *   PVB = −3 + 44/1.1 + 81/1.21 + 138/1.331 = 207.6235913
 *   PVC = 174.5454545; NPV = 33.0781367; BCR = 1.1895102; payback 2024. */
static void test_all_adjustments(void) {
  ind_econ_params p;
  ind_econ_defaults(&p);
  p.outflow_sector = 1;
  const double pvb = -3 + 44 / 1.1 + 81 / 1.21 + 138 / 1.331, pvc = 120 + 60 / 1.1;
  const want w = {
      .pv = {0, 50, 200, 300, 400}, .va = {0, 20, 60, 90, 120}, .inv = {0, 20, 10, 0, 0}, DISC_2021,
      .out = {0, 3, 6, 9, 12},
      .res = {0, 0, 0, 0, 30},
      .ben = {0, -3, 44, 81, 138},
      .ccur = {0, 100, 50, 0, 0},
      .cost = {0, 120, 60, 0, 0},
      .cum = {0, -123, -123 - 16 / 1.1, -123 - 16 / 1.1 + 81 / 1.21, pvb - pvc},
      .pvb = pvb,
      .pvc = pvc,
      .npv = pvb - pvc,
      .bcr = pvb / pvc,
      .payback = 2024,
      .base_year = 2021,
  };
  run_case("defaults, s2 foreign-invested", &p, standard_cost, zero, 1, &w);
}

/* The deflator path of the inflation cases: D(2020) = deflator0 = 2,
 * 10 % a year through 2021, 5 % after:
 *   D(2021) = 2·1.1 = 2.2; D(2022) = 2.2·1.05 = 2.31; D(2023) = 2.4255;
 *   D(2024) = 2.546775; backwards D(2019) = 2/1.1 = 1.8181818, D(2018) = 2/1.21. */
static ind_econ_params inflation(void) {
  ind_econ_params p = plain();
  p.v[IND_E_DEFLATOR0] = 2.0;
  p.v[IND_E_INFLATION_PAST] = 0.10;
  p.v[IND_E_INFLATION] = 0.05;
  p.inflation_until = 2021;
  return p;
}

static void test_deflator(void) {
  ind_econ_params p = inflation();
  CHECK_REL(ind_econ_deflator(&p, T0, 2020), 2.0, TOL);
  CHECK_REL(ind_econ_deflator(&p, T0, 2021), 2.2, TOL);
  CHECK_REL(ind_econ_deflator(&p, T0, 2022), 2.31, TOL);
  CHECK_REL(ind_econ_deflator(&p, T0, 2023), 2.4255, TOL);
  CHECK_REL(ind_econ_deflator(&p, T0, 2024), 2.546775, TOL);
  CHECK_REL(ind_econ_deflator(&p, T0, 2019), 2.0 / 1.1, TOL);
  CHECK_REL(ind_econ_deflator(&p, T0, 2018), 2.0 / 1.21, TOL);
  /* inflation_until before the period: growth into 2019 is past (10 %),
   * into 2020 and later the later rate (5 %):
   *   D(2021) = 2·1.05 = 2.1; D(2019) = 2/1.05; D(2018) = 2/(1.05·1.1) */
  p.inflation_until = 2019;
  CHECK_REL(ind_econ_deflator(&p, T0, 2021), 2.1, TOL);
  CHECK_REL(ind_econ_deflator(&p, T0, 2019), 2.0 / 1.05, TOL);
  CHECK_REL(ind_econ_deflator(&p, T0, 2018), 2.0 / (1.05 * 1.1), TOL);
  /* inflation_until = 0 (the default): every year at the later rate: D(2022) = 2·1.05² = 2.205 */
  p.inflation_until = 0;
  CHECK_REL(ind_econ_deflator(&p, T0, 2022), 2.205, TOL);
  /* defaults: 1 in every year */
  ind_econ_defaults(&p);
  CHECK_REL(ind_econ_deflator(&p, T0, 1994), 1.0, TOL);
  CHECK_REL(ind_econ_deflator(&p, T0, 2030), 1.0, TOL);
}

/* Inflation, basis 0 (the constant-price basis): gains unchanged, costs
 * deflated: 100/D(2021) = 100/2.2 = 45.4545455, 50/D(2022) = 50/2.31 = 21.6450216.
 *   cumulative: 0; 20 − 45.4545455 = −25.4545455;
 *     −25.4545455 + (60 − 21.6450216)/1.1 = 9.4136167; + 90/1.21 = 83.7937820;
 *     + 120/1.331 = 173.9515581
 *   PVB = 239.0833959; PVC = 45.4545455 + 21.6450216/1.1 = 65.1318379;
 *   NPV = 173.9515581; BCR = 3.6707608; payback 2022. */
static void test_inflation_constant_basis(void) {
  ind_econ_params p = inflation();
  const double c21 = 100 / 2.2, c22 = 50 / 2.31;
  const want w = {
      GAINS, DISC_2021,
      .out = {0},
      .ben = {0, 20, 60, 90, 120},
      .ccur = {0, 100, 50, 0, 0},
      .cost = {0, c21, c22, 0, 0},
      .cum = {0, 20 - c21, 20 - c21 + (60 - c22) / 1.1, 20 - c21 + (60 - c22) / 1.1 + 90 / 1.21,
              20 - c21 + (60 - c22) / 1.1 + 90 / 1.21 + 120 / 1.331},
      .pvb = 20 + 60 / 1.1 + 90 / 1.21 + 120 / 1.331,
      .pvc = c21 + c22 / 1.1,
      .npv = 20 + 60 / 1.1 + 90 / 1.21 + 120 / 1.331 - (c21 + c22 / 1.1),
      .bcr = (20 + 60 / 1.1 + 90 / 1.21 + 120 / 1.331) / (c21 + c22 / 1.1),
      .payback = 2022,
      .base_year = 2021,
  };
  run_case("inflation, constant-price basis", &p, standard_cost, zero, 0, &w);
}

/* Inflation, prices of 2022 (D = 2.31), with every adjustment (net 1,
 * outflow 0.3 of s2, mcpf 1.2). Constant-price figures × 2.31:
 *   gain_pv = 0 115.5 462 693 924; gain_va = 0 46.2 138.6 207.9 277.2
 *   induced_investment (s2's own left out) = 0 46.2 23.1 0 0; outflow = 0.3·2.31·(0 10 20 30 40)
 *   benefit = 0, 46.2−46.2−6.93 = −6.93, 138.6−23.1−13.86 = 101.64, 187.11, 249.48
 *   cost = 100·2.31/2.2·1.2 = 105·1.2 = 126, 50·2.31/2.31·1.2 = 60
 *   cumulative: 0; −6.93 − 126 = −132.93; −132.93 + 41.64/1.1 = −95.0754545;
 *     + 187.11/1.21 = 59.5609091; + 249.48/1.331 = 246.9989256
 *   PVB = −6.93 + 92.4 + 154.6363636 + 187.4380165 = 427.5443802
 *   PVC = 126 + 60/1.1 = 180.5454545; NPV = 246.9989256; BCR = 2.3680706; payback 2023. */
static void test_inflation_basis_year(void) {
  ind_econ_params p = inflation();
  p.basis_year = 2022;
  p.v[IND_E_MCPF] = 1.2;
  p.v[IND_E_OUTFLOW] = 0.3;
  p.v[IND_E_INVEST_NET] = 1.0;
  p.outflow_sector = 1;
  const double f = 2.31;
  const double b[NY] = {0, f * (20 - 20 - 3), f * (60 - 10 - 6), f * (90 - 9), f * (120 - 12)};
  const double c21 = 100 * f / 2.2 * 1.2, c22 = 50 * f / 2.31 * 1.2;
  const want w = {
      DISC_2021,
      .pv = {0, f * 50, f * 200, f * 300, f * 400},
      .va = {0, f * 20, f * 60, f * 90, f * 120},
      .inv = {0, f * 20, f * 10, 0, 0},
      .out = {0, f * 3, f * 6, f * 9, f * 12},
      .ben = {b[0], b[1], b[2], b[3], b[4]},
      .ccur = {0, 100, 50, 0, 0},
      .cost = {0, c21, c22, 0, 0},
      .cum = {0, b[1] - c21, b[1] - c21 + (b[2] - c22) / 1.1, b[1] - c21 + (b[2] - c22) / 1.1 + b[3] / 1.21,
              b[1] - c21 + (b[2] - c22) / 1.1 + b[3] / 1.21 + b[4] / 1.331},
      .pvb = b[1] + b[2] / 1.1 + b[3] / 1.21 + b[4] / 1.331,
      .pvc = c21 + c22 / 1.1,
      .npv = b[1] + b[2] / 1.1 + b[3] / 1.21 + b[4] / 1.331 - (c21 + c22 / 1.1),
      .bcr = (b[1] + b[2] / 1.1 + b[3] / 1.21 + b[4] / 1.331) / (c21 + c22 / 1.1),
      .payback = 2023,
      .base_year = 2021,
  };
  /* the hand decimals of the comment, against the same arithmetic in C */
  CHECK_REL(c21, 126.0, TOL);
  CHECK_REL(c22, 60.0, TOL);
  CHECK_REL(w.pvb, 427.5443802, 1e-9);
  CHECK_REL(w.npv, 246.9989256, 1e-9);
  run_case("inflation, prices of 2022", &p, standard_cost, zero, 0, &w);

  /* A basis year before the period: prices of 2019, D(2019) = 2/1.1, so the
   * 2021 value-added gain is 20·2/1.1 = 36.3636364 and its cost
   * 100·(2/1.1)/2.2 = 82.6446281 (times mcpf 1.2 = 99.1735537). */
  p.basis_year = 2019;
  ind_err err = {0};
  ind_scenario *sc = ind_scenario_new("econ", T0, T0 + NY - 1, NS, &err);
  ind_result *s = scenario_run(standard_cost), *bl = baseline_run();
  ind_econ e;
  if (CHECK_EQ_LONG(ind_econ_compute(sc, s, bl, &p, &e, &err), IND_OK)) {
    CHECK_REL(e.years[1].gain_va, 20 * 2 / 1.1, TOL);
    CHECK_REL(e.years[1].cost, 100 * (2 / 1.1) / 2.2 * 1.2, TOL);
  }
  ind_econ_clear(&e);
  ind_result_free(s);
  ind_result_free(bl);
  ind_scenario_free(sc);
}

/* Base year 2020 (stated): every factor 1/1.1 of the plain case's —
 * 1, 1/1.1, 1/1.21, 1/1.331, 1/1.4641 — so PVB, PVC, NPV and each cumulative
 * are the plain case's / 1.1: PVB = 217.3485418, PVC = 132.2314050,
 * NPV = 85.1171368; BCR (1.6436983) and payback (2023) unchanged. */
static void test_base_year_earlier(void) {
  ind_econ_params p = plain();
  p.base_year = 2020;
  want w = plain_want;
  for (int k = 0; k < NY; k++) {
    w.disc[k] = plain_want.disc[k] / 1.1;
    w.cum[k] = plain_want.cum[k] / 1.1;
  }
  w.pvb = plain_want.pvb / 1.1;
  w.pvc = plain_want.pvc / 1.1;
  w.npv = plain_want.npv / 1.1;
  w.base_year = 2020;
  CHECK_REL(w.disc[4], 1 / 1.4641, TOL);
  CHECK_REL(w.pvb, 217.3485418, 1e-9);
  run_case("base year 2020", &p, standard_cost, zero, 0, &w);
}

/* Base year 2023, after the spending: years before it count with factors > 1
 * (carried forward at r): 2020: 1.331, 2021: 1.21, 2022: 1.1, 2023: 1, 2024: 1/1.1.
 *   cumulative: 0; 1.21·(20 − 100) = −96.8; −96.8 + 1.1·10 = −85.8; −85.8 + 90 = 4.2;
 *     4.2 + 120/1.1 = 113.2909091
 *   PVB = 1.21·20 + 1.1·60 + 90 + 120/1.1 = 24.2 + 66 + 90 + 109.0909091 = 289.2909091
 *   PVC = 1.21·100 + 1.1·50 = 121 + 55 = 176; NPV = 113.2909091
 *   (= the plain case's × 1.21); BCR 1.6436983 and payback 2023 unchanged. */
static void test_base_year_later(void) {
  ind_econ_params p = plain();
  p.base_year = 2023;
  const want w = {
      GAINS,
      .disc = {1.331, 1.21, 1.1, 1, 1 / 1.1},
      .out = {0},
      .ben = {0, 20, 60, 90, 120},
      .ccur = {0, 100, 50, 0, 0},
      .cost = {0, 100, 50, 0, 0},
      .cum = {0, -96.8, -85.8, 4.2, 4.2 + 120 / 1.1},
      .pvb = 24.2 + 66 + 90 + 120 / 1.1,
      .pvc = 176,
      .npv = 24.2 + 66 + 90 + 120 / 1.1 - 176,
      .bcr = (24.2 + 66 + 90 + 120 / 1.1) / 176,
      .payback = 2023,
      .base_year = 2023,
  };
  CHECK_REL(w.npv, plain_want.npv * 1.21, 1e-12);
  CHECK_REL(w.bcr, plain_want.bcr, 1e-12);
  run_case("base year 2023", &p, standard_cost, zero, 0, &w);
}

/* Never pays back: 300 in 2021 instead of 100.
 *   cumulative: 0; 20 − 300 = −280; −280 + 10/1.1 = −270.9090909;
 *     + 90/1.21 = −196.5289256; + 120/1.331 = −106.3711495 (still negative at the end)
 *   PVB = 239.0833959; PVC = 300 + 50/1.1 = 345.4545455; NPV = −106.3711495;
 *   BCR = 0.6920835; payback 0. */
static void test_never_pays_back(void) {
  ind_econ_params p = plain();
  const double cost[NY] = {0, 300, 50, 0, 0};
  const want w = {
      GAINS, DISC_2021,
      .out = {0},
      .ben = {0, 20, 60, 90, 120},
      .ccur = {0, 300, 50, 0, 0},
      .cost = {0, 300, 50, 0, 0},
      .cum = {0, -280, -280 + 10 / 1.1, -280 + 10 / 1.1 + 90 / 1.21, -280 + 10 / 1.1 + 90 / 1.21 + 120 / 1.331},
      .pvb = 20 + 60 / 1.1 + 90 / 1.21 + 120 / 1.331,
      .pvc = 300 + 50 / 1.1,
      .npv = 20 + 60 / 1.1 + 90 / 1.21 + 120 / 1.331 - (300 + 50 / 1.1),
      .bcr = (20 + 60 / 1.1 + 90 / 1.21 + 120 / 1.331) / (300 + 50 / 1.1),
      .payback = 0,
      .base_year = 2021,
  };
  run_case("never pays back", &p, cost, zero, 0, &w);
}

/* Payback must hold to the end: cost 10 in 2021 and 200 in 2023.
 *   cumulative: 0; 20 − 10 = 10; 10 + 60/1.1 = 64.5454545 (>= 0 from 2020 so far);
 *     64.5454545 + (90 − 200)/1.21 = −26.3636364 (falls below); + 120/1.331 = 63.7941397
 *   PVB = 239.0833959; PVC = 10 + 200/1.21 = 175.2892562; NPV = 63.7941397;
 *   BCR = 1.3639364; payback 2024, not 2020. */
static void test_payback_stays(void) {
  ind_econ_params p = plain();
  const double cost[NY] = {0, 10, 0, 200, 0};
  const want w = {
      GAINS, DISC_2021,
      .out = {0},
      .ben = {0, 20, 60, 90, 120},
      .ccur = {0, 10, 0, 200, 0},
      .cost = {0, 10, 0, 200, 0},
      .cum = {0, 10, 10 + 60 / 1.1, 10 + 60 / 1.1 - 110 / 1.21, 10 + 60 / 1.1 - 110 / 1.21 + 120 / 1.331},
      .pvb = 20 + 60 / 1.1 + 90 / 1.21 + 120 / 1.331,
      .pvc = 10 + 200 / 1.21,
      .npv = 20 + 60 / 1.1 + 90 / 1.21 + 120 / 1.331 - (10 + 200 / 1.21),
      .bcr = (20 + 60 / 1.1 + 90 / 1.21 + 120 / 1.331) / (10 + 200 / 1.21),
      .payback = 2024,
      .base_year = 2021,
  };
  run_case("payback stays", &p, cost, zero, 0, &w);
}

/* No cost at all: base year the first year (2020), factors 1, 1/1.1, 1/1.21,
 * 1/1.331, 1/1.4641; PVC = 0, BCR NaN; the cumulative NPV is never negative,
 * so payback is the first year the scenario differs from the baseline, 2021
 * (2020's benefit and cost are 0: not yet the programme).
 *   cumulative: 0; 20/1.1 = 18.1818182; + 60/1.21 = 67.7685950;
 *     + 90/1.331 = 135.3869271; + 120/1.4641 = 217.3485418 = PVB = NPV. */
static void test_zero_cost(void) {
  ind_econ_params p = plain();
  const double pvb = 20 / 1.1 + 60 / 1.21 + 90 / 1.331 + 120 / 1.4641;
  const want w = {
      GAINS,
      .disc = {1, 1 / 1.1, 1 / 1.21, 1 / 1.331, 1 / 1.4641},
      .out = {0},
      .ben = {0, 20, 60, 90, 120},
      .ccur = {0},
      .cost = {0},
      .cum = {0, 20 / 1.1, 20 / 1.1 + 60 / 1.21, 20 / 1.1 + 60 / 1.21 + 90 / 1.331, pvb},
      .pvb = pvb,
      .pvc = 0,
      .npv = pvb,
      .bcr = NAN,
      .payback = 2021,
      .base_year = 2020,
  };
  run_case("no cost", &p, zero, zero, 0, &w);
}

/* Benefits above costs from the programme's first year (a bug once gave
 * payback 2020, the scenario's first year, before anything happened): cost 10
 * in 2021. cumulative: 0; 20 − 10 = 10; 10 + 60/1.1 = 64.5454545;
 *   + 90/1.21 = 138.9256198; + 120/1.331 = 229.0833959
 *   PVB = 239.0833959; PVC = 10; NPV = 229.0833959; BCR = 23.9083396; payback 2021. */
static void test_payback_from_start(void) {
  ind_econ_params p = plain();
  const double cost[NY] = {0, 10, 0, 0, 0};
  const double pvb = 20 + 60 / 1.1 + 90 / 1.21 + 120 / 1.331;
  const want w = {
      GAINS, DISC_2021,
      .out = {0},
      .ben = {0, 20, 60, 90, 120},
      .ccur = {0, 10, 0, 0, 0},
      .cost = {0, 10, 0, 0, 0},
      .cum = {0, 10, 10 + 60 / 1.1, 10 + 60 / 1.1 + 90 / 1.21, pvb - 10},
      .pvb = pvb,
      .pvc = 10,
      .npv = pvb - 10,
      .bcr = pvb / 10,
      .payback = 2021,
      .base_year = 2021,
  };
  run_case("pays back from the start", &p, cost, zero, 0, &w);
}

/* ---- errors ---- */

static void expect_error(const char *what, const ind_scenario *sc, const ind_result *s, const ind_result *b,
                         const ind_econ_params *p, const char *needle) {
  ind_err err = {0};
  ind_econ e;
  ind_status st = ind_econ_compute(sc, s, b, p, &e, &err);
  if (!CHECK_EQ_LONG(st, IND_EINVAL)) fprintf(stderr, "    case '%s'\n", what);
  CHECK_HAS(err.msg, needle);
  CHECK(e.years == NULL && e.nyears == 0); /* left empty */
  ind_econ_clear(&e);                      /* and safe to clear */
}

static void test_errors(void) {
  ind_err err = {0};
  ind_scenario *sc = ind_scenario_new("econ", T0, T0 + NY - 1, NS, &err);
  ind_result *s = scenario_run(standard_cost), *b = baseline_run();
  ind_econ_params p = plain();

  ind_result *short_run = new_run(T0, NY - 1, NS);
  expect_error("period", sc, s, short_run, &p, "the baseline's run covers 2020-2023 with 2 sectors");
  ind_result *wide_run = new_run(T0, NY, NS + 1);
  expect_error("sectors", sc, wide_run, b, &p, "the scenario's run covers 2020-2024 with 3 sectors");
  ind_result *late_run = new_run(T0 + 1, NY, NS);
  expect_error("first year", sc, late_run, late_run, &p, "covers 2021-2025");
  expect_error("no run", sc, NULL, b, &p, "no scenario's run");

  *cell(b, 2022, NS, IND_V_VALUE_ADDED) = NAN;
  expect_error("NaN cell", sc, s, b, &p, "value_added (total) of 2022 is nan in the baseline's run");
  *cell(b, 2022, NS, IND_V_VALUE_ADDED) = 300;
  *cell(s, 2023, 1, IND_V_VALUE_ADDED) = INFINITY;
  p.outflow_sector = 1; /* only read with an outflow sector */
  expect_error("infinite cell", sc, s, b, &p, "value_added (sector 1) of 2023 is inf in the scenario's run");
  p.outflow_sector = -1;
  ind_econ e;
  CHECK_EQ_LONG(ind_econ_compute(sc, s, b, &p, &e, &err), IND_OK);
  ind_econ_clear(&e);

  p = plain();
  p.v[IND_E_DISCOUNT] = NAN;
  expect_error("NaN discount rate", sc, s, b, &p, "discount_rate = nan is not a finite number");
  p = plain();
  p.v[IND_E_MCPF] = INFINITY;
  expect_error("infinite mcpf", sc, s, b, &p, "mcpf = inf");
  p = plain();
  p.v[IND_E_DISCOUNT] = -1.0;
  expect_error("discount rate -1", sc, s, b, &p, "discount_rate = -1 must be > -1");
  p = plain();
  p.v[IND_E_DEFLATOR0] = 0.0;
  expect_error("deflator0 0", sc, s, b, &p, "deflator0 = 0 must be > 0");
  p = plain();
  p.outflow_sector = 2;
  expect_error("outflow sector", sc, s, b, &p, "profit-outflow sector 2 is not in the scenario");
  p = plain();
  p.v[IND_E_INFLATION] = 0.5;
  p.basis_year = 100000; /* 1.5^98000 overflows */
  expect_error("basis year far away", sc, s, b, &p, "the deflator of basis year 100000 is inf");
  p = plain();
  p.base_year = -100000; /* 1.1^102024 overflows */
  expect_error("base year far away", sc, s, b, &p, "discount factor of 2020 to base year -100000");

  sc->econ.v[IND_E_OUTFLOW] = NAN; /* through the scenario (p NULL) */
  expect_error("NaN in the scenario's parameters", sc, s, b, NULL, "profit_outflow = nan");
  expect_error("no scenario", NULL, s, b, &p, "no scenario");

  ind_result_free(short_run);
  ind_result_free(wide_run);
  ind_result_free(late_run);
  ind_result_free(s);
  ind_result_free(b);
  ind_scenario_free(sc);
}

int main(void) {
  test_deflator();
  test_plain();
  test_incremental_cost();
  test_net_of_investment();
  test_outflow();
  test_residual();
  test_mcpf();
  test_all_adjustments();
  test_inflation_constant_basis();
  test_inflation_basis_year();
  test_base_year_earlier();
  test_base_year_later();
  test_never_pays_back();
  test_payback_stays();
  test_zero_cost();
  test_payback_from_start();
  test_errors();
  return check_summary("test_econ");
}
