/* ind_ensemble.h — Monte Carlo ensembles. Draw i of N gives every uncertain
 * number its value from streams seeded by (seed, i, key) (ind_draw.h); the
 * scenario, and its baseline when one is given, are run with those values;
 * each output cell (year × sector or total × variable), the gain over the
 * baseline (absolute and in %), the scenario's observations and the plan
 * targets are summarised as mean, sd (updated in draw order) and quantiles
 * (a sketch with integer counts, ind_sketch.h, of each draw's deviation from
 * the cell's value at every number's median: a quantile q is within
 * alpha·|q − reference| + floor of the exact one, so narrow bands stay
 * accurate; the floor is 1e-3 of the range of the cell's first 256 draws and
 * bounds the sketch's size whatever the number of draws). Draws run on several threads in blocks;
 * every statistic is merged in draw-index order or is order-independent, so
 * the results are bit for bit the same for any thread count. Memory does not
 * grow with N. A draw that fails (a value out of range, a solver failure) is
 * counted and left out of every statistic. */
#ifndef IND_ENSEMBLE_H
#define IND_ENSEMBLE_H

#include <stddef.h>
#include <stdint.h>

#include "ind_scenario.h"
#include "ind_var.h"

typedef enum {
  IND_SET_LEVEL,    /* the scenario's values */
  IND_SET_GAIN,     /* scenario − baseline, same draw */
  IND_SET_GAIN_PCT, /* 100·(scenario / baseline − 1), same draw */
  IND_NSETS
} ind_set;

#define IND_NFAN 5
#define IND_ENSEMBLE_ALPHA 0.005
extern const double ind_fan_levels[IND_NFAN]; /* 0.05, 0.25, 0.5, 0.75, 0.95 */

typedef struct ind_stats {
  long n;                /* draws that gave a value */
  double mean, sd;
  double q[IND_NFAN];    /* at ind_fan_levels */
} ind_stats;

/* A plan target: a quantity of observation kind (level, growth, average
 * growth over years) that is met when the model's value >= its value. */
typedef struct ind_target_stats {
  ind_stats value;
  double p_met;          /* share of draws meeting it */
  double shortfall;      /* mean of (target − value) over the draws that miss it; 0 if none */
} ind_target_stats;

typedef void (*ind_progress_fn)(void *ud, long done, long total);

typedef struct ind_ensemble_opts {
  long n;                /* draws, >= 1 */
  uint64_t seed;
  int threads;           /* >= 1 */
  double alpha;          /* relative accuracy of the quantiles; 0: IND_ENSEMBLE_ALPHA */
  const ind_observation *targets;
  int ntargets;
  ind_progress_fn progress;  /* called from one thread after each block; may be NULL */
  void *progress_ud;
  int params_only;       /* 0: the forecast band: each draw's shocks (ind_shock.h) and, in the
                            observations' cells, their measurement error (se); 1: parameter
                            uncertainty only (central path, the model's value) */
} ind_ensemble_opts;

typedef struct ind_ensemble ind_ensemble;

/* baseline may be NULL (no gains). Both must have the same period and sectors. */
ind_status ind_ensemble_run(const ind_scenario *sc, const ind_scenario *baseline, const ind_ensemble_opts *o,
                            ind_ensemble **out, ind_err *err);
void ind_ensemble_free(ind_ensemble *e);

int ind_ensemble_has_gains(const ind_ensemble *e);
long ind_ensemble_draws(const ind_ensemble *e);
long ind_ensemble_failed(const ind_ensemble *e);
/* Why the first failed draw (lowest index) failed, "" if none. */
const char *ind_ensemble_failure(const ind_ensemble *e);
long ind_ensemble_rhs_calls(const ind_ensemble *e);  /* all draws, scenario and baseline */
size_t ind_ensemble_bytes(const ind_ensemble *e);    /* memory of the statistics */

/* Statistics of one cell; sector IND_TOTAL for the total. IND_EINVAL for a
 * cell that does not exist (or a gain without a baseline). */
ind_status ind_ensemble_stats(const ind_ensemble *e, ind_set set, int year, int sector, int var, ind_stats *out,
                              ind_err *err);
double ind_ensemble_quantile(const ind_ensemble *e, ind_set set, int year, int sector, int var, double q);
/* The scenario's k-th observation as the model gives it, over the draws. */
ind_status ind_ensemble_obs_stats(const ind_ensemble *e, int k, ind_stats *out, ind_err *err);
double ind_ensemble_obs_quantile(const ind_ensemble *e, int k, double q);
ind_status ind_ensemble_target(const ind_ensemble *e, int k, ind_target_stats *out, ind_err *err);

/* Draws that leave the scenario's plausible range k (ind_plausible) in some
 * year; k = -1: draws that leave any. */
long ind_ensemble_implausible(const ind_ensemble *e, int k);

/* With a baseline, every draw's cost-benefit against it (ind_econ.h, the
 * scenario's economics parameters as drawn): */
typedef enum { IND_EC_NPV, IND_EC_BCR, IND_EC_PV_BENEFIT, IND_EC_PV_COST, IND_EC_PAYBACK, IND_NECON_OUT } ind_econ_out;
/* payback: draws that never pay back are left out of its statistics (n says how many did). */
ind_status ind_ensemble_econ(const ind_ensemble *e, ind_econ_out k, ind_stats *out, ind_err *err);
/* The cumulative NPV up to the end of year (ind_econ_year.npv_cumulative) over
 * the draws: its band shows when the programme pays back, and how surely. */
ind_status ind_ensemble_econ_year(const ind_ensemble *e, int year, ind_stats *out, ind_err *err);
/* Any quantile q of figure k over the draws (NaN without a baseline or draws). */
double ind_ensemble_econ_quantile(const ind_ensemble *e, ind_econ_out k, double q);
/* The share of the draws giving figure k whose value is > 0: for IND_EC_NPV the
 * probability that the programme is worth its cost; NAN without a baseline. */
double ind_ensemble_econ_positive(const ind_ensemble *e, ind_econ_out k);

#endif
