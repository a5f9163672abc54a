/* ind_econ.h — cost-benefit of a scenario against its baseline, as an
 * economist counts it: the benefit of a year is the gain in value added (not
 * gross output), less the induced extra investment (resources the economy
 * spent to get it), less the share of the foreign-invested gain that leaves
 * as profit; the cost is the public spending weighted by the marginal cost of
 * public funds. Gains are at the scenario's constant prices; budgets in
 * current prices; both are put on one basis — prices of `basis_year` — with
 * the deflator path, then discounted to `base_year`. */
#ifndef IND_ECON_H
#define IND_ECON_H

#include "ind_econ_params.h"
#include "ind_run.h"
#include "ind_scenario.h"

typedef struct ind_econ_year {
  int year;
  double gain_pv, gain_va;      /* production value and value added over the baseline, basis prices */
  double induced_investment;    /* investment over the baseline (all sectors), basis prices */
  double outflow;               /* profit leaving from the foreign-invested gain, basis prices */
  double benefit;               /* gain_va − induced_investment (if netted) − outflow */
  double cost_current;          /* policy spending of the year, current prices */
  double cost;                  /* cost_current on the basis, times the MCPF */
  double discount;              /* 1/(1 + r)^(year − base_year) */
  double npv_cumulative;        /* Σ discounted (benefit − cost) up to this year */
} ind_econ_year;

typedef struct ind_econ {
  int first_year, nyears, base_year;
  ind_econ_year *years;
  double pv_benefit, pv_cost, npv, bcr; /* bcr NaN when pv_cost = 0 */
  int payback_year;             /* first year from which the cumulative NPV stays >= 0; 0: never */
} ind_econ;

/* scen and base are runs of sc and of its baseline (same period and sectors);
 * p may be NULL (sc->econ). *out is overwritten; free with ind_econ_clear. */
ind_status ind_econ_compute(const ind_scenario *sc, const ind_result *scen, const ind_result *base,
                            const ind_econ_params *p, ind_econ *out, ind_err *err);
void ind_econ_clear(ind_econ *e);

/* The deflator of year y: price level relative to the constant-price basis. */
double ind_econ_deflator(const ind_econ_params *p, int first_year, int y);

#endif
