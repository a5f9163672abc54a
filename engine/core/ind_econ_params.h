/* ind_econ_params.h — the economics parameters a scenario states for its
 * cost-benefit (ind_econ.h): discount rate, marginal cost of public funds,
 * profit outflow, the deflator path, the residual value of the extra capital
 * and the years of the price basis. */
#ifndef IND_ECON_PARAMS_H
#define IND_ECON_PARAMS_H

/* The economics parameters of a scenario (ind_scenario.econ), each a number
 * a draw or a fit may change (target IND_T_ECON, j = the field's index). */
typedef enum {
  IND_E_DISCOUNT,        /* real discount rate, 1/yr */
  IND_E_MCPF,            /* marginal cost of public funds, >= 1 */
  IND_E_OUTFLOW,         /* share of the foreign-invested sector's value-added gain leaving as profit */
  IND_E_INVEST_NET,      /* 1: subtract the induced investment from the benefit, 0: do not */
  IND_E_DEFLATOR0,       /* price level of the first year relative to the constant-price basis */
  IND_E_INFLATION_PAST,  /* growth of the deflator up to and including `inflation_until` */
  IND_E_INFLATION,       /* growth of the deflator after it */
  IND_E_RESIDUAL,        /* share of the extra domestic capital stock at the horizon counted as a benefit */
  IND_NECON
} ind_econ_param;

typedef struct ind_econ_params {
  double v[IND_NECON];
  int inflation_until;   /* last year of the past deflator growth */
  int base_year;         /* discounting to 1 January of this year; 0: the first year with a policy cost */
  int basis_year;        /* prices of this year for every money figure; 0: the constant-price basis */
  int outflow_sector;    /* the sector whose gain partly leaves (foreign-invested), -1: none */
} ind_econ_params;

/* Defaults (docs/economics.md gives their sources). */
void ind_econ_defaults(ind_econ_params *p);
const char *ind_econ_param_name(int j);

#endif
