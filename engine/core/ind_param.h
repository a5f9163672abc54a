/* ind_param.h — the model's parameters as data: name, unit, meaning, default and
 * the range outside which a value is refused. Per-sector parameters come first,
 * then the ones shared by all sectors. The table is constant: no state. */
#ifndef IND_PARAM_H
#define IND_PARAM_H

typedef enum {
  /* per sector: starting point (read at the first instant only) */
  IND_P_OUTPUT0,     /* production value, annual rate at t0 */
  IND_P_VA_SHARE0,   /* value added / production value at t0 */
  IND_P_ALPHA,       /* capital share in value added */
  IND_P_KAPPA,       /* capital / value added at t0 */
  IND_P_EMPLOYMENT0, /* employment at t0 */
  IND_P_SKILLED0,    /* skilled share at t0 */
  IND_P_MODERN0,     /* modern-technology share of capital at t0 */
  /* per sector: rates and elasticities (policies and events may move these) */
  IND_P_THETA, IND_P_MU, IND_P_S, IND_P_BS, IND_P_DS, IND_P_S_MAX,
  IND_P_F0, IND_P_BF, IND_P_GF, IND_P_G, IND_P_DV, IND_P_DELTA, IND_P_N,
  IND_P_R, IND_P_RHO, IND_P_P, IND_P_Q, IND_P_K, IND_P_OMEGA, IND_P_M_NEW,
  /* per sector: growth that slows, x(t) = x_long + (x − x_long)·e^(−x_speed·(t − t0))
   * for x = n, gF, g (docs/model.md §2.4); speed 0 keeps x constant */
  IND_P_N_LONG, IND_P_N_SPEED, IND_P_GF_LONG, IND_P_GF_SPEED, IND_P_G_LONG, IND_P_G_SPEED,
  IND_NSECTOR_PARAMS,
  /* shared by all sectors */
  IND_P_E_TARGET = IND_NSECTOR_PARAMS,
  IND_P_TAU_E,
  IND_NPARAMS
} ind_param_id;

#define IND_NSHARED_PARAMS (IND_NPARAMS - IND_NSECTOR_PARAMS)

enum {
  IND_PF_SHARED = 1u << 0,  /* one value for the whole scenario */
  IND_PF_INITIAL = 1u << 1, /* read at t0 only: no policy or event may act on it */
  IND_PF_OPTIONAL = 1u << 2 /* NaN means "absent" (m_new) */
};

typedef struct ind_param_info {
  const char *name;    /* key in scenarios */
  const char *symbol;  /* symbol in docs/model.md */
  const char *unit;
  const char *meaning;
  double def;          /* default value (NaN: absent) */
  double lo, hi;       /* admissible range, inclusive */
  unsigned flags;
} ind_param_info;

/* Info for id in [0, IND_NPARAMS), else NULL. */
const ind_param_info *ind_param_info_get(int id);
/* Id of the parameter called name, or -1. */
int ind_param_find(const char *name);

#endif
