/* ind_run.c — a scenario's deterministic run: the output times, the solve,
 * the annual aggregation and the observations. */
#include "ind_run.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ind_model.h"
#include "ind_observe.h"
#include "ind_solve.h"

typedef struct sampling {
  int n, dim, nsectors;
  double *t;     /* ascending output times */
  double *y;     /* n × dim states */
} sampling;

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Every whole year of the period and every instant an observation needs. */
static ind_status collect_times(const ind_scenario *sc, sampling *S, ind_err *err) {
  int nyears = sc->last_year - sc->first_year + 1;
  int cap = nyears + 1 + sc->nobs * IND_OBS_MAX_TIMES;
  S->t = malloc((size_t)cap * sizeof(double));
  if (!S->t) return ind_err_set(err, IND_ENOMEM, "out of memory");
  int n = 0;
  for (int y = 0; y <= nyears; y++) S->t[n++] = sc->first_year + y;
  for (int k = 0; k < sc->nobs; k++) n += ind_obs_times(&sc->obs[k], S->t + n);
  qsort(S->t, (size_t)n, sizeof(double), cmp_double);
  int u = 0;
  for (int j = 0; j < n; j++)
    if (u == 0 || S->t[j] != S->t[u - 1]) S->t[u++] = S->t[j];
  S->n = u;
  return IND_OK;
}

static const double *state_at(const sampling *S, double t) {
  int lo = 0, hi = S->n - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    if (S->t[mid] == t) return S->y + (size_t)mid * (size_t)S->dim;
    if (S->t[mid] < t) lo = mid + 1;
    else hi = mid - 1;
  }
  return NULL; /* cannot happen: every time asked for was collected */
}

static double cumulative(void *ud, int sector, int var, double t) {
  const sampling *S = ud;
  const double *y = state_at(S, t);
  int slot = var == IND_V_VALUE_ADDED ? IND_S_VA : IND_S_Q;
  if (!y) return NAN;
  if (sector != IND_TOTAL) return y[(size_t)sector * IND_NSTATE + slot];
  double sum = 0.0;
  for (int i = 0; i < S->nsectors; i++) sum += y[(size_t)i * IND_NSTATE + slot];
  return sum;
}

static double policy_cost(const ind_scenario *sc, int sector, double t0, double t1) {
  double c = 0.0;
  for (int k = 0; k < sc->npolicies; k++) {
    const ind_policy *p = &sc->policies[k];
    double cost = p->b50 > 0.0 ? p->budget : p->cost; /* a budget is its cost */
    if (p->is_event || cost == 0.0) continue;
    int ntargets = 0;
    for (int i = 0; i < sc->nsectors; i++) ntargets += (int)(p->targets >> i & 1);
    if (ntargets == 0 || !(sector == IND_TOTAL || (p->targets >> sector & 1))) continue;
    double share = sector == IND_TOTAL ? 1.0 : 1.0 / ntargets; /* split evenly among targets */
    c += cost * share * ind_profile_active_time(&p->profile, t0, t1);
  }
  return c;
}

double ind_policy_cost_between(const ind_scenario *sc, double t0, double t1) {
  return policy_cost(sc, IND_TOTAL, t0, t1);
}

/* One sector's row of year y, from the stocks at y (a) and y + 1 (b);
 * returns the year's average employment. */
static double sector_row(ind_model *m, int i, int y, const double *a, const double *b, double *row) {
  const ind_scenario *sc = ind_model_scenario(m);
  const double *sa = a + (size_t)i * IND_NSTATE, *sb = b + (size_t)i * IND_NSTATE;
  const double *P = ind_model_params_at(m, y + 1.0, b) + (size_t)i * IND_NSECTOR_PARAMS;
  double pv = sb[IND_S_Q] - sa[IND_S_Q], va = sb[IND_S_VA] - sa[IND_S_VA];
  double lavg = sb[IND_S_LCUM] - sa[IND_S_LCUM];
  row[IND_V_PRODUCTION_VALUE] = pv;
  row[IND_V_VALUE_ADDED] = va;
  row[IND_V_INVESTMENT] = sb[IND_S_ICUM] - sa[IND_S_ICUM];
  row[IND_V_CAPITAL] = sb[IND_S_K];
  row[IND_V_EMPLOYMENT] = sb[IND_S_L];
  row[IND_V_LABOUR_PRODUCTIVITY] = va / lavg; /* bn VND per thousand workers = mn VND per worker */
  row[IND_V_SKILLED_SHARE] = sb[IND_S_H];
  row[IND_V_MODERN_TECH_SHARE] = sb[IND_S_M];
  row[IND_V_POLICY_COST] = policy_cost(sc, i, y, y + 1.0);
  row[IND_V_TFP_INDEX] = sb[IND_S_Z] * (1.0 + P[IND_P_MU] * sb[IND_S_M]) /
                         (1.0 + ind_scenario_get(sc, i, IND_P_MU) * ind_scenario_get(sc, i, IND_P_MODERN0));
  row[IND_V_VA_SHARE] = va / pv;
  row[IND_V_BUSINESS_ENV] = b[IND_STATE_E(sc->nsectors)];
  return lavg;
}

/* The total row: extensive quantities summed, shares weighted; lavg[i] is
 * sector i's average employment over the year. */
static void total_row(const double *rows, const double *lavg_of, int n, double *tot) {
  double lavg = 0.0, wl = 0.0, wk = 0.0, wva = 0.0;
  memset(tot, 0, IND_NVARS * sizeof(double));
  static const int sums[] = {IND_V_PRODUCTION_VALUE, IND_V_VALUE_ADDED, IND_V_INVESTMENT, IND_V_CAPITAL,
                             IND_V_EMPLOYMENT, IND_V_POLICY_COST};
  for (int i = 0; i < n; i++) {
    const double *r = rows + (size_t)i * IND_NVARS;
    for (size_t j = 0; j < sizeof sums / sizeof *sums; j++) tot[sums[j]] += r[sums[j]];
    lavg += lavg_of[i];
    wl += r[IND_V_SKILLED_SHARE] * r[IND_V_EMPLOYMENT];
    wk += r[IND_V_MODERN_TECH_SHARE] * r[IND_V_CAPITAL];
    wva += r[IND_V_TFP_INDEX] * r[IND_V_VALUE_ADDED];
  }
  tot[IND_V_LABOUR_PRODUCTIVITY] = tot[IND_V_VALUE_ADDED] / lavg;
  tot[IND_V_SKILLED_SHARE] = wl / tot[IND_V_EMPLOYMENT];
  tot[IND_V_MODERN_TECH_SHARE] = wk / tot[IND_V_CAPITAL];
  tot[IND_V_TFP_INDEX] = wva / tot[IND_V_VALUE_ADDED];
  tot[IND_V_VA_SHARE] = tot[IND_V_VALUE_ADDED] / tot[IND_V_PRODUCTION_VALUE];
  tot[IND_V_BUSINESS_ENV] = rows[IND_V_BUSINESS_ENV];
}

static void fill_annual(ind_model *m, const sampling *S, ind_result *r) {
  int nrow = r->nsectors + 1;
  for (int k = 0; k < r->nyears; k++) {
    int y = r->first_year + k;
    const double *a = state_at(S, y), *b = state_at(S, y + 1.0);
    double *rows = r->annual + (size_t)k * nrow * IND_NVARS, lavg[IND_MAX_SECTORS];
    for (int i = 0; i < r->nsectors; i++) lavg[i] = sector_row(m, i, y, a, b, rows + (size_t)i * IND_NVARS);
    total_row(rows, lavg, r->nsectors, rows + (size_t)r->nsectors * IND_NVARS);
    for (int i = 0; i < nrow; i++) {
      double *row = rows + (size_t)i * IND_NVARS;
      row[IND_V_GROWTH] = k == 0 ? NAN : row[IND_V_PRODUCTION_VALUE] / row[IND_V_PRODUCTION_VALUE - nrow * IND_NVARS] - 1.0;
    }
  }
}

typedef struct warn_buf {
  const ind_scenario *sc;
  char *text;
  size_t len;
  int failed;
} warn_buf;

static void add_warning(void *ud, int sector, const char *what, double t) {
  warn_buf *w = ud;
  char line[256];
  int n = snprintf(line, sizeof line, "%s: %s held at its limit from t = %.3f\n",
                   sector == IND_TOTAL ? "scenario" : w->sc->sector_names[sector], what, t);
  char *grown = realloc(w->text, w->len + (size_t)n + 1);
  if (!grown) {
    w->failed = 1;
    return;
  }
  memcpy(grown + w->len, line, (size_t)n + 1);
  w->text = grown;
  w->len += (size_t)n;
}

static ind_result *result_alloc(const ind_scenario *sc) {
  ind_result *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->first_year = sc->first_year;
  r->nyears = sc->last_year - sc->first_year + 1;
  r->nsectors = sc->nsectors;
  r->nobs = sc->nobs;
  r->annual = malloc((size_t)r->nyears * (size_t)(r->nsectors + 1) * IND_NVARS * sizeof(double));
  r->obs_model = malloc((size_t)(sc->nobs ? sc->nobs : 1) * sizeof(double));
  if (!r->annual || !r->obs_model) {
    ind_result_free(r);
    return NULL;
  }
  return r;
}

struct ind_runner {
  ind_scenario *sc;     /* not owned; its values may change between runs */
  ind_model *m;
  ind_solver *solver;
  sampling S;
  ind_result *r;
};

void ind_runner_free(ind_runner *rn) {
  if (!rn) return;
  ind_solver_free(rn->solver);
  ind_model_free(rn->m);
  ind_result_free(rn->r);
  free(rn->S.t);
  free(rn->S.y);
  free(rn);
}

ind_runner *ind_runner_alloc(ind_scenario *sc, ind_err *err) {
  ind_runner *rn = calloc(1, sizeof *rn);
  if (!rn) goto nomem;
  rn->sc = sc;
  if (!(rn->m = ind_model_alloc(sc, err))) goto fail;
  rn->S.dim = ind_model_dim(rn->m);
  rn->S.nsectors = sc->nsectors;
  if (collect_times(sc, &rn->S, err)) goto fail;
  rn->S.y = malloc((size_t)rn->S.n * (size_t)rn->S.dim * sizeof(double));
  rn->solver = ind_solver_alloc(rn->m, &sc->solver, err);
  rn->r = result_alloc(sc);
  if (!rn->S.y || !rn->solver || !rn->r) goto nomem;
  return rn;
nomem:
  ind_err_set(err, IND_ENOMEM, "out of memory preparing '%s'", sc ? sc->name : "?");
fail:
  ind_runner_free(rn);
  return NULL;
}

ind_status ind_runner_run(ind_runner *rn, ind_err *err) {
  const ind_scenario *sc = rn->sc;
  ind_result *r = rn->r;
  ind_status st = ind_scenario_validate(sc, err);
  if (st) return st;
  ind_model_refresh(rn->m);
  if ((st = ind_solver_run(rn->solver, rn->S.t, rn->S.n, rn->S.y, err))) return st;
  r->steps = ind_solver_steps(rn->solver);
  r->rhs_calls = ind_model_rhs_calls(rn->m);
  warn_buf w = {sc, NULL, 0, 0};
  ind_model_clamps(rn->m, add_warning, &w);
  free(r->warnings);
  r->warnings = w.text ? w.text : calloc(1, 1);
  fill_annual(rn->m, &rn->S, r);
  for (int k = 0; k < sc->nobs; k++) r->obs_model[k] = ind_obs_model_value(&sc->obs[k], cumulative, &rn->S);
  if (!r->warnings || w.failed) return ind_err_set(err, IND_ENOMEM, "out of memory");
  return IND_OK;
}

const ind_result *ind_runner_result(const ind_runner *rn) { return rn->r; }

double ind_runner_cumulative(const ind_runner *rn, int sector, int var, double t) {
  return cumulative((void *)&rn->S, sector, var, t);
}

ind_status ind_run(const ind_scenario *sc, ind_result **out, ind_err *err) {
  *out = NULL;
  ind_runner *rn = ind_runner_alloc((ind_scenario *)sc, err); /* runs never change sc */
  if (!rn) return err ? err->code : IND_ENOMEM;
  ind_status st = ind_runner_run(rn, err);
  if (!st) {
    *out = rn->r;
    rn->r = NULL;
  }
  ind_runner_free(rn);
  return st;
}

void ind_result_free(ind_result *r) {
  if (!r) return;
  free(r->annual);
  free(r->obs_model);
  free(r->warnings);
  free(r);
}

double ind_result_get(const ind_result *r, int year, int sector, int var) {
  int k = year - r->first_year;
  int row = sector == IND_TOTAL ? r->nsectors : sector;
  if (k < 0 || k >= r->nyears || (sector != IND_TOTAL && (sector < 0 || sector >= r->nsectors)) || var < 0 ||
      var >= IND_NVARS)
    return NAN;
  return r->annual[((size_t)k * (size_t)(r->nsectors + 1) + (size_t)row) * IND_NVARS + (size_t)var];
}

int ind_result_plausible_exit(const ind_scenario *sc, const ind_result *r, int k) {
  const ind_plausible *p = &sc->plausible[k];
  for (int y = r->first_year; y < r->first_year + r->nyears; y++) {
    double v = ind_result_get(r, y, p->sector, p->var);
    if (p->var_per >= 0) v /= ind_result_get(r, y, p->sector, p->var_per);
    if (isnan(v)) continue; /* growth of the first year */
    double f = pow(1.0 + p->growth, y - p->from);
    if (v < p->lo * f || v > p->hi * f) return y;
  }
  return 0;
}
