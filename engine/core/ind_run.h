/* ind_run.h — one deterministic simulation of a scenario: solve, then turn the
 * stocks into annual results (docs/model.md "Annual results") and the model's
 * values of the scenario's observations. */
#ifndef IND_RUN_H
#define IND_RUN_H

#include "ind_scenario.h"
#include "ind_var.h"

typedef struct ind_result {
  int first_year, nyears, nsectors;
  double *annual;     /* nyears × (nsectors + 1) × IND_NVARS; row nsectors is the total */
  int nobs;
  double *obs_model;  /* the model's value of each observation */
  char *warnings;     /* one line each, "" if none */
  long steps, rhs_calls;
} ind_result;

ind_status ind_run(const ind_scenario *sc, ind_result **out, ind_err *err);

/* A reusable run: the model, solver and result are allocated once, so many
 * runs of one scenario whose values (not structure) change between them cost
 * no allocation (ensembles, calibration). ind_runner_run validates the
 * values, then solves; the result stays owned by the runner. */
typedef struct ind_runner ind_runner;
ind_runner *ind_runner_alloc(ind_scenario *sc, ind_err *err);
ind_status ind_runner_run(ind_runner *rn, ind_err *err);
const ind_result *ind_runner_result(const ind_runner *rn);
/* Cumulative production value (var IND_V_PRODUCTION_VALUE) or value added of
 * sector (or IND_TOTAL) at an output time of the last run. */
double ind_runner_cumulative(const ind_runner *rn, int sector, int var, double t);
void ind_runner_free(ind_runner *rn);
void ind_result_free(ind_result *r);

/* The value of var in year for sector (IND_TOTAL for the total row); NaN when
 * the year is outside the period or the value does not exist (growth of the
 * first year). */
double ind_result_get(const ind_result *r, int year, int sector, int var);

/* The first year in which r leaves the scenario's plausible range k
 * (ind_plausible), or 0 if it stays inside in every year. */
int ind_result_plausible_exit(const ind_scenario *sc, const ind_result *r, int k);

/* Cumulative policy cost of the scenario over [t0, t1), bn VND, all sectors. */
double ind_policy_cost_between(const ind_scenario *sc, double t0, double t1);

#endif
