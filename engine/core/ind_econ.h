/* ind_econ.h — cost-benefit of a scenario against its baseline, as an
 * economist counts it: the benefit of a year is the gain in value added (not
 * gross output), less the induced extra investment (resources the economy
 * spent to get it), less the share of the foreign-invested gain that leaves
 * as profit; the cost is the public spending weighted by the marginal cost of
 * public funds. Gains are at the scenario's constant prices; budgets in
 * current prices; both are put on one basis — prices of `basis_year` — with
 * the deflator path, then discounted to `base_year`.
 *
 * As computed (p = the economics parameters, ind_econ_params.h):
 *
 * Deflator D(y), the price level of year y relative to the constant-price
 *   basis: D(first_year) = deflator0 and D(y) = D(y−1)·(1 + g(y)) for every
 *   year y, before the period as well as after its start, with
 *   g(y) = inflation_past for y <= inflation_until, inflation for later
 *   years (so inflation_until = 0, the default, means all years grow at
 *   `inflation`). Years before first_year follow from the same rule read
 *   backwards: D(y−1) = D(y)/(1 + g(y)).
 * Basis: a constant-price figure X of year y is X·D(basis_year) in prices of
 *   basis_year; a current-price figure C of year y is C·D(basis_year)/D(y).
 *   basis_year = 0 is the constant-price basis itself: factor 1 and C/D(y).
 * Each year y of the period, Δ = the scenario's run minus the baseline's,
 *   every figure on the basis:
 *   gain_pv            = Δ production_value (total)
 *   gain_va            = Δ value_added (total)
 *   induced_investment = Δ investment (total) less that of outflow_sector:
 *                        the economy's own resources spent; foreign capital
 *                        is paid for by the profit outflow instead
 *   outflow            = profit_outflow · Δ value_added of outflow_sector
 *                        (0 when it is −1; negative when that sector loses)
 *   residual           = in the last year only: net_of_investment · residual_value
 *                        · Δ capital (total less outflow_sector's) at its end:
 *                        the extra capital the netted investment left that is
 *                        still there, valued at its depreciated book value
 *                        (residual_value 1) or less; 0 in other years
 *   benefit            = gain_va − net_of_investment · induced_investment − outflow
 *                        + residual
 *                        (net_of_investment is a share: 1 nets all of it, 0 none)
 *   cost_current       = Δ policy_cost (total), current prices: the scenario's
 *                        spending when, as usual, the baseline holds only
 *                        events (no cost); spending the baseline also has is
 *                        not charged to the scenario a second time
 *   cost               = cost_current on the basis · mcpf
 *   Before any policy the gains are 0 when the baseline shares the history.
 * Discounting: base_year = p's, or when it is 0 the first year with
 *   cost_current > 0, or when there is none the first year;
 *   discount(y) = (1 + r)^−(y − base_year). Every year of the period counts:
 *   years before the base year get factors > 1 (their flows are carried
 *   forward to it at the rate r), so moving the base year k years later
 *   multiplies PVB, PVC, NPV and every npv_cumulative by (1 + r)^k and
 *   changes neither the BCR nor the payback year. The base year only picks
 *   the date the money is valued at; it never drops a year's costs or gains.
 * pv_benefit = Σ discount·benefit, pv_cost = Σ discount·cost over all years,
 *   npv = pv_benefit − pv_cost, bcr = pv_benefit/pv_cost (NaN when pv_cost
 *   is 0; meaningful only for pv_cost > 0), npv_cumulative(y) = Σ up to y of
 *   discount·(benefit − cost), payback_year = the first year y with
 *   npv_cumulative >= 0 in y and every later year, not before the first
 *   year with a nonzero benefit or cost (that year when it never falls below
 *   0, e.g. no cost at all; 0 when the last year's is negative or nothing
 *   ever differs).
 *
 * The runs are read through ind_result_get: the total rows of
 * production_value, value_added, investment and policy_cost, capital in the
 * last year, and value_added, investment (and capital) of outflow_sector. */
#ifndef IND_ECON_H
#define IND_ECON_H

#include "ind_econ_params.h"
#include "ind_run.h"
#include "ind_scenario.h"

typedef struct ind_econ_year {
  int year;
  double gain_pv, gain_va;      /* production value and value added over the baseline, basis prices */
  double induced_investment;    /* investment over the baseline but the foreign sector's, basis prices */
  double outflow;               /* profit leaving from the foreign-invested gain, basis prices */
  double residual;              /* last year only: residual_value × the extra capital stock but the
                                   foreign sector's at the end of the year, basis prices */
  double benefit;               /* gain_va − net_of_investment·induced_investment − outflow + residual */
  double cost_current;          /* policy spending of the year over the baseline's, current prices */
  double cost;                  /* cost_current on the basis, times the MCPF */
  double discount;              /* 1/(1 + r)^(year − base_year), > 1 before the base year */
  double npv_cumulative;        /* Σ discounted (benefit − cost) up to this year */
} ind_econ_year;

typedef struct ind_econ {
  int first_year, nyears, base_year; /* base_year as used (resolved when p's is 0) */
  ind_econ_year *years;
  double pv_benefit, pv_cost, npv, bcr; /* bcr NaN when pv_cost = 0 */
  int payback_year;             /* first year from which the cumulative NPV stays >= 0; 0: never */
} ind_econ;

/* scen and base are runs of sc and of its baseline (the period and sectors
 * of sc); p may be NULL (sc->econ). *out is overwritten; free with
 * ind_econ_clear (also safe after a failure, which leaves *out empty).
 * IND_EINVAL with a message for runs that do not match, a cell that is not a
 * number, parameters outside their definition (discount rate or inflation
 * <= −1, deflator0 <= 0, mcpf or a share not finite, outflow_sector not a
 * sector) or a basis or base year so far away that a factor overflows. */
ind_status ind_econ_compute(const ind_scenario *sc, const ind_result *scen, const ind_result *base,
                            const ind_econ_params *p, ind_econ *out, ind_err *err);
void ind_econ_clear(ind_econ *e);

/* The deflator of year y (any year, before first_year too): price level
 * relative to the constant-price basis, by the rule above. */
double ind_econ_deflator(const ind_econ_params *p, int first_year, int y);

#endif
