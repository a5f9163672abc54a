/* ind_econ.c — cost-benefit of a scenario against its baseline (ind_econ.h):
 * the yearly gains and costs from two runs' annual results, put on one price
 * basis by the deflator path, discounted to the base year, summed. Uses
 * ind_result_get and the economics parameters; no solver. */
#include "ind_econ.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ind_var.h"

/* D(y)/D(y0): the product of (1 + g(k)) over the years k in (y0, y], or its
 * inverse over (y, y0] when y < y0; g(k) is the past rate up to `until`. */
static double deflator_ratio(const ind_econ_params *p, long long y0, long long y) {
  long long lo = y < y0 ? y : y0, hi = y < y0 ? y0 : y;
  long long cut = p->inflation_until < hi ? p->inflation_until : hi;
  long long npast = cut > lo ? cut - lo : 0; /* years k in (lo, hi] with k <= until */
  long long nlate = hi - lo - npast;
  double f = pow(1.0 + p->v[IND_E_INFLATION_PAST], (double)npast) * pow(1.0 + p->v[IND_E_INFLATION], (double)nlate);
  return y >= y0 ? f : 1.0 / f;
}

double ind_econ_deflator(const ind_econ_params *p, int first_year, int y) {
  return p->v[IND_E_DEFLATOR0] * deflator_ratio(p, first_year, y);
}

static ind_status check_params(const ind_econ_params *p, int nsectors, ind_err *err) {
  for (int j = 0; j < IND_NECON; j++)
    if (!isfinite(p->v[j]))
      return ind_err_set(err, IND_EINVAL, "economics: %s = %g is not a finite number", ind_econ_param_name(j), p->v[j]);
  static const int above_minus_one[] = {IND_E_DISCOUNT, IND_E_INFLATION_PAST, IND_E_INFLATION};
  for (size_t k = 0; k < sizeof above_minus_one / sizeof *above_minus_one; k++) {
    int j = above_minus_one[k];
    if (!(p->v[j] > -1.0))
      return ind_err_set(err, IND_EINVAL, "economics: %s = %g must be > -1", ind_econ_param_name(j), p->v[j]);
  }
  if (!(p->v[IND_E_DEFLATOR0] > 0.0))
    return ind_err_set(err, IND_EINVAL, "economics: deflator0 = %g must be > 0", p->v[IND_E_DEFLATOR0]);
  if (p->outflow_sector < -1 || p->outflow_sector >= nsectors)
    return ind_err_set(err, IND_EINVAL, "economics: profit-outflow sector %d is not in the scenario (0..%d, or -1)",
                       p->outflow_sector, nsectors - 1);
  return IND_OK;
}

static ind_status check_run(const ind_scenario *sc, const ind_result *r, const char *which, ind_err *err) {
  int nyears = sc->last_year - sc->first_year + 1;
  if (!r || !r->annual)
    return ind_err_set(err, IND_EINVAL, "economics: no %s run", which);
  if (r->first_year != sc->first_year || r->nyears != nyears || r->nsectors != sc->nsectors)
    return ind_err_set(err, IND_EINVAL,
                       "economics: the %s run covers %d-%d with %d sectors, scenario '%s' %d-%d with %d",
                       which, r->first_year, r->first_year + r->nyears - 1, r->nsectors, sc->name ? sc->name : "",
                       sc->first_year, sc->last_year, sc->nsectors);
  return IND_OK;
}

/* Δ var of sector in year (scenario − baseline); fails on a cell that is not a finite number. */
static ind_status delta(const ind_result *scen, const ind_result *base, int year, int sector, int var,
                        double *d, ind_err *err) {
  double a = ind_result_get(scen, year, sector, var), b = ind_result_get(base, year, sector, var);
  if (isfinite(a) && isfinite(b)) {
    *d = a - b;
    return IND_OK;
  }
  char row[32];
  if (sector == IND_TOTAL) snprintf(row, sizeof row, "total");
  else snprintf(row, sizeof row, "sector %d", sector);
  return ind_err_set(err, IND_EINVAL, "economics: %s (%s) of %d is %g in the %s run, not a finite number",
                     ind_var_info_get(var)->name, row, year, isfinite(a) ? b : a,
                     isfinite(a) ? "baseline's" : "scenario's");
}

/* The extra capital stock but the outflow sector's at the end of year y. */
static ind_status domestic_capital(const ind_result *scen, const ind_result *base, const ind_econ_params *p, int y,
                                   double *dk, ind_err *err) {
  double dk_fdi = 0.0;
  ind_status st = delta(scen, base, y, IND_TOTAL, IND_V_CAPITAL, dk, err);
  if (!st && p->outflow_sector >= 0) st = delta(scen, base, y, p->outflow_sector, IND_V_CAPITAL, &dk_fdi, err);
  *dk -= dk_fdi;
  return st;
}

/* The year's figures up to cost; discount and the cumulative NPV come later.
 * last: the period's last year, which also gets the residual value. */
static ind_status fill_year(const ind_result *scen, const ind_result *base, const ind_econ_params *p,
                            double basis_level, double level, int last, ind_econ_year *e, ind_err *err) {
  double dpv, dva, dinv, dcost, dfdi = 0.0, dinv_fdi = 0.0, dk = 0.0;
  int y = e->year;
  ind_status st = delta(scen, base, y, IND_TOTAL, IND_V_PRODUCTION_VALUE, &dpv, err);
  if (!st) st = delta(scen, base, y, IND_TOTAL, IND_V_VALUE_ADDED, &dva, err);
  if (!st) st = delta(scen, base, y, IND_TOTAL, IND_V_INVESTMENT, &dinv, err);
  if (!st) st = delta(scen, base, y, IND_TOTAL, IND_V_POLICY_COST, &dcost, err);
  if (!st && p->outflow_sector >= 0) st = delta(scen, base, y, p->outflow_sector, IND_V_VALUE_ADDED, &dfdi, err);
  if (!st && p->outflow_sector >= 0) st = delta(scen, base, y, p->outflow_sector, IND_V_INVESTMENT, &dinv_fdi, err);
  if (!st && last) st = domestic_capital(scen, base, p, y, &dk, err);
  if (st) return st;
  /* foreign capital is not the economy's own resource: its price is the profit outflow */
  dinv -= dinv_fdi;
  e->gain_pv = dpv * basis_level;
  e->gain_va = dva * basis_level;
  e->induced_investment = dinv * basis_level;
  e->outflow = p->v[IND_E_OUTFLOW] * dfdi * basis_level;
  /* what was netted as investment and is still there at the horizon comes back */
  e->residual = p->v[IND_E_INVEST_NET] * p->v[IND_E_RESIDUAL] * dk * basis_level;
  e->benefit = e->gain_va - p->v[IND_E_INVEST_NET] * e->induced_investment - e->outflow + e->residual;
  e->cost_current = dcost;
  e->cost = dcost * basis_level / level * p->v[IND_E_MCPF];
  return IND_OK;
}

ind_status ind_econ_compute(const ind_scenario *sc, const ind_result *scen, const ind_result *base,
                            const ind_econ_params *p, ind_econ *out, ind_err *err) {
  if (!out) return ind_err_set(err, IND_EINVAL, "economics: no place for the result");
  memset(out, 0, sizeof *out);
  if (!sc) return ind_err_set(err, IND_EINVAL, "economics: no scenario");
  if (!p) p = &sc->econ;
  ind_status st = check_params(p, sc->nsectors, err);
  if (!st) st = check_run(sc, scen, "scenario's", err);
  if (!st) st = check_run(sc, base, "baseline's", err);
  if (st) return st;

  int n = sc->last_year - sc->first_year + 1;
  ind_econ_year *years = calloc((size_t)n, sizeof *years);
  if (!years) return ind_err_set(err, IND_ENOMEM, "economics: out of memory");
  double basis_level = p->basis_year ? ind_econ_deflator(p, sc->first_year, p->basis_year) : 1.0;
  if (!(isfinite(basis_level) && basis_level > 0.0)) {
    st = ind_err_set(err, IND_EINVAL, "economics: the deflator of basis year %d is %g (too far from %d?)",
                     p->basis_year, basis_level, sc->first_year);
    goto done;
  }

  for (int k = 0; k < n && !st; k++) {
    years[k].year = sc->first_year + k;
    st = fill_year(scen, base, p, basis_level, ind_econ_deflator(p, sc->first_year, years[k].year), k == n - 1,
                   &years[k], err);
  }
  if (st) goto done;

  int base_year = p->base_year;
  for (int k = 0; k < n && !base_year; k++)
    if (years[k].cost_current > 0.0) base_year = years[k].year;
  if (!base_year) base_year = sc->first_year;

  double pvb = 0.0, pvc = 0.0, r = p->v[IND_E_DISCOUNT];
  for (int k = 0; k < n; k++) {
    ind_econ_year *e = &years[k];
    e->discount = pow(1.0 + r, -((double)e->year - (double)base_year));
    if (!(isfinite(e->discount) && e->discount > 0.0)) {
      st = ind_err_set(err, IND_EINVAL, "economics: the discount factor of %d to base year %d is %g", e->year,
                       base_year, e->discount);
      goto done;
    }
    pvb += e->discount * e->benefit;
    pvc += e->discount * e->cost;
    e->npv_cumulative = pvb - pvc;
  }

  /* Payback: from when on the cumulative NPV stays >= 0, scanning back from the
   * end, but not before the first year the scenario differs from its baseline
   * (years of zeros before a programme do not "pay back"). */
  int start = 0;
  while (start < n && years[start].benefit == 0.0 && years[start].cost == 0.0) start++;
  int payback = 0;
  for (int k = n - 1; k >= start && years[k].npv_cumulative >= 0.0; k--) payback = years[k].year;

  out->first_year = sc->first_year;
  out->nyears = n;
  out->base_year = base_year;
  out->years = years;
  out->pv_benefit = pvb;
  out->pv_cost = pvc;
  out->npv = pvb - pvc;
  out->bcr = pvc != 0.0 ? pvb / pvc : NAN;
  out->payback_year = payback;
  years = NULL;
done:
  free(years);
  return st;
}

void ind_econ_clear(ind_econ *e) {
  if (!e) return;
  free(e->years);
  memset(e, 0, sizeof *e);
}
