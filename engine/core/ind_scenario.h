/* ind_scenario.h — a scenario as plain data: the period, the sectors, every
 * parameter's base value, the policies and events that move parameters over
 * time, transfers between sectors, and the published observations. The binding
 * builds one; the analyses read it and never change it. */
#ifndef IND_SCENARIO_H
#define IND_SCENARIO_H

#include <stdint.h>

#include "ind_dist.h"
#include "ind_econ_params.h"
#include "ind_err.h"
#include "ind_param.h"
#include "ind_profile.h"

#define IND_MAX_SECTORS 64 /* targets are a 64-bit mask */
#define IND_TOTAL (-1)     /* sector index meaning "all sectors together" */

typedef enum { IND_EFFECT_ADD, IND_EFFECT_MUL } ind_effect_kind;

/* x(t) = base · Π(1 + m_k·w_k(t)) + Σ a_k·w_k(t), with m, a = size · strength. */
typedef struct ind_effect {
  int param;            /* an ind_param_id without IND_PF_INITIAL */
  ind_effect_kind kind;
  double size;          /* at full strength */
} ind_effect;

/* Moves firms from sector src to dst at `rate` · w(t) per year. */
typedef struct ind_transfer {
  int src, dst;
  double rate;
} ind_transfer;

typedef struct ind_policy {
  char *name;
  char *title;
  int is_event;         /* part of the baseline: no cost, never a policy's gain */
  ind_profile profile;
  double strength;      /* multiplies every effect size: 1, or B/(B + B50) for a budget */
  double budget, b50;   /* b50 > 0: budget mode, strength is budget/(budget + b50) */
  double cost;          /* bn VND a year, paid over [from, to) */
  uint64_t targets;     /* bit i set: acts on sector i */
  int neffects;
  ind_effect *effects;
  int ntransfers;
  ind_transfer *transfers;
} ind_policy;

typedef enum {
  IND_OBS_LEVEL,        /* the year's value */
  IND_OBS_GROWTH,       /* the year's value over the previous year's, minus 1 */
  IND_OBS_AVG_GROWTH,   /* (X(y1)/X(y0-1))^(1/(y1-y0+1)) - 1 */
  IND_OBS_PERIOD_GROWTH /* months [m0, m1) of year y against the same months of y-1 */
} ind_obs_kind;

typedef struct ind_observation {
  ind_obs_kind kind;
  int sector;           /* index, or IND_TOTAL */
  int var;              /* IND_V_PRODUCTION_VALUE or IND_V_VALUE_ADDED */
  int year0, year1;     /* year1 == year0 but for IND_OBS_AVG_GROWTH */
  double m0, m1;        /* IND_OBS_PERIOD_GROWTH: months from 1 January, 0 <= m0 < m1 <= 12 */
  double value;         /* growth as a fraction; level in bn VND */
  double se;            /* standard error, > 0 */
  char *source;
} ind_observation;

/* A number of the scenario that a draw or a fit may change. */
typedef enum {
  IND_T_PARAM,    /* i = sector (ignored for shared parameters), j = ind_param_id */
  IND_T_EFFECT,   /* i = policy, j = effect: its size */
  IND_T_TRANSFER, /* i = policy, j = transfer: its rate */
  IND_T_B50,      /* i = policy in budget mode: its half-saturation budget */
  IND_T_BUDGET,   /* i = policy in budget mode: its budget (and cost), bn VND a year */
  IND_T_ECON,     /* j = ind_econ_param: an economics parameter */
  IND_T_SHOCK     /* i = shock, j = ind_shock_field (j = IND_SH_SD + sector for one sector's sd) */
} ind_target_kind;

typedef struct ind_target {
  ind_target_kind kind;
  int i, j;
} ind_target;

/* An uncertain number: one draw sets every target to the same value. The key
 * names it across scenarios, so a scenario and its baseline draw the same
 * value (common random numbers). Members of a joint distribution have
 * joint >= 0 and their place pos in its vector; the others have dist. */
typedef struct ind_uncertain {
  char *key;
  int ntargets;
  ind_target *targets;
  int joint, pos;
  ind_dist dist;
} ind_uncertain;

/* A multivariate normal over n uncertain numbers (e.g. a calibration's
 * posterior): mean and the lower Cholesky factor of the covariance. */
typedef struct ind_joint {
  char *key;
  int n;
  double *mean;         /* n */
  double *chol;         /* n × n, row-major, lower triangle used */
  unsigned char *logscale; /* n flags, or NULL: 1: member k is exp of its normal (a positive
                              number); 2: lo + (hi − lo)·logistic of it (a number in (lo, hi)) */
  double *lo, *hi;      /* n each, for flag 2; NULL: (0, 1) */
} ind_joint;

/* Year-to-year shocks to a growth rate of some sectors (docs/model.md §2.5):
 * in year y the rate is moved by path[y][i], where the path is an AR(1)
 * deviation with stationary sd sd[i] and persistence phi, correlated between
 * sectors (one common factor: correlation r), plus rare downturns, each of
 * which starts in a year with probability down_p, lowers the rate by a size
 * drawn from down_size, and lasts down_years. A single run keeps the path at
 * zero (the central path); ensemble draws fill it from the stream `key`. */
typedef enum {
  IND_SH_PERSISTENCE, /* phi in [0, 0.99] */
  IND_SH_CORRELATION, /* r in [0, 1] */
  IND_SH_DOWN_P,      /* [0, 0.5] a year */
  IND_SH_SD           /* + sector: sd[sector], >= 0 */
} ind_shock_field;

typedef struct ind_shock {
  char *key;            /* its random stream, e.g. "shocks.g" */
  int param;            /* the rate moved: a per-sector IND_P_* that is a rate (g, gF, n, dv) */
  uint64_t sectors;     /* bit i set: sector i is shocked */
  double *sd;           /* nsectors: stationary sd of the deviation, per year (the param's unit) */
  double persistence, correlation, down_p;
  int has_downturns;    /* down_size is set */
  ind_dist down_size;   /* the fall of the rate in a downturn, drawn per downturn */
  int down_years;       /* >= 1 */
  double *path;         /* nyears × nsectors, row-major by year; all 0: the central path */
} ind_shock;

/* A range the levels of a plausible projection stay in (docs/uncertainty.md):
 * var (over var_per when var_per >= 0, e.g. capital per value added) of
 * sector (IND_TOTAL: the total) within [lo, hi]·(1 + growth)^(y − from)
 * in every year y of the period. */
typedef struct ind_plausible {
  int var, var_per;     /* ind_var ids; var_per -1: none */
  int sector;
  double lo, hi;        /* either may be infinite */
  double growth;        /* per year, of both limits */
  int from;             /* the year the limits are given for */
  char *label;          /* "employment (total) <= 1200": for reports */
} ind_plausible;

typedef enum { IND_RKF45, IND_RKCK, IND_RK8PD, IND_NMETHODS } ind_method;

typedef struct ind_solver_opts {
  ind_method method;
  double rtol, atol;    /* error per step <= atol + rtol·|y| */
  double h0;            /* first step, years */
  long max_steps;       /* per stretch between output times and breakpoints */
} ind_solver_opts;

typedef struct ind_scenario {
  char *name;
  char *title;
  char *basis;          /* the price basis of its money at constant prices, e.g. "1994 prices"; "" if not given */
  int first_year, last_year; /* years simulated: [first_year, last_year + 1) */
  int nsectors;
  char **sector_names;
  char **sector_titles;
  double *params;       /* nsectors × IND_NSECTOR_PARAMS, then IND_NSHARED_PARAMS */
  int npolicies;
  ind_policy *policies;
  int nobs;
  ind_observation *obs;
  int nunc;
  ind_uncertain *unc;
  int njoint;
  ind_joint *joints;
  int nshocks;
  ind_shock *shocks;
  int nplausible;
  ind_plausible *plausible;
  ind_econ_params econ;
  ind_solver_opts solver;
} ind_scenario;

/* A scenario with every parameter at its default and no policies. */
ind_scenario *ind_scenario_new(const char *name, int first_year, int last_year, int nsectors,
                               ind_err *err);
void ind_scenario_free(ind_scenario *sc);
ind_scenario *ind_scenario_copy(const ind_scenario *sc, ind_err *err);

ind_status ind_scenario_set_text(ind_scenario *sc, const char *title, ind_err *err);
/* The price basis named in labels ("1994 prices"); NULL or "" for none. */
ind_status ind_scenario_set_basis(ind_scenario *sc, const char *basis, ind_err *err);
ind_status ind_scenario_set_sector(ind_scenario *sc, int i, const char *name, const char *title,
                                   ind_err *err);
int ind_scenario_sector_index(const ind_scenario *sc, const char *name);

/* Address of a parameter's base value; sector is ignored for shared ones. */
double *ind_scenario_param(ind_scenario *sc, int sector, int param);
double ind_scenario_get(const ind_scenario *sc, int sector, int param);

/* Appends a policy (strength 1, no cost, all sectors, active from first_year on).
 * The pointer stays valid until the next add. */
ind_policy *ind_scenario_add_policy(ind_scenario *sc, const char *name, const char *title,
                                    ind_err *err);
ind_status ind_policy_add_effect(ind_policy *p, int param, ind_effect_kind kind, double size,
                                 ind_err *err);
ind_status ind_policy_add_transfer(ind_policy *p, int src, int dst, double rate, ind_err *err);
ind_status ind_scenario_add_obs(ind_scenario *sc, const ind_observation *ob, ind_err *err);

/* The value a target points at, and setting it (IND_EINVAL for a bad target). */
double ind_target_get(const ind_scenario *sc, const ind_target *t);
ind_status ind_target_set(ind_scenario *sc, const ind_target *t, double v, ind_err *err);
/* "g (non_state)", "policy 'training' effect 1 (r)" into buf. */
const char *ind_target_describe(const ind_scenario *sc, const ind_target *t, char *buf, int n);

/* Appends an uncertain number (independent: joint = -1) with its targets. */
ind_status ind_scenario_add_uncertain(ind_scenario *sc, const char *key, const ind_target *targets, int ntargets,
                                      const ind_dist *dist, ind_err *err);
/* Appends a joint normal over the uncertain numbers with keys[0..n-1], which
 * must already be there (added with any dist); cov is n × n row-major, and
 * must be symmetric positive definite. */
ind_status ind_scenario_add_joint(ind_scenario *sc, const char *key, const char *const *keys, int n,
                                  const double *mean, const double *cov, ind_err *err);
int ind_scenario_uncertain_index(const ind_scenario *sc, const char *key);
/* Marks members of the last-added joint as log-normal (flag 1: the joint
 * normal is over their logarithms) or logit-normal (flag 2: over their
 * log-odds); mean and covariance are given on that scale. */
ind_status ind_scenario_joint_logscale(ind_scenario *sc, const unsigned char *flags, ind_err *err);
/* The bounds (lo[k], hi[k]), lo < hi, of the logit members of the last-added joint. */
ind_status ind_scenario_joint_bounds(ind_scenario *sc, const double *lo, const double *hi, ind_err *err);

/* Appends a shock on param for the sectors in mask, every number 0 (no
 * shock) until set; down_size NULL: no downturns. The path starts at 0. */
ind_shock *ind_scenario_add_shock(ind_scenario *sc, const char *key, int param, uint64_t sectors,
                                  const ind_dist *down_size, int down_years, ind_err *err);
/* Sets every shock's path to zero: the central path. */
void ind_scenario_zero_shocks(ind_scenario *sc);
ind_status ind_scenario_add_plausible(ind_scenario *sc, const ind_plausible *p, ind_err *err);

/* Checks every value against its admissible range and every reference. */
ind_status ind_scenario_validate(const ind_scenario *sc, ind_err *err);

#endif
