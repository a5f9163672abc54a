/* ind_econ_params.c — defaults and names of the economics parameters. */
#include "ind_econ_params.h"

#include <stddef.h>

static const char *const names[IND_NECON] = {"discount_rate", "mcpf", "profit_outflow", "net_of_investment",
                                             "deflator0", "inflation_past", "inflation", "residual_value"};

void ind_econ_defaults(ind_econ_params *p) {
  p->v[IND_E_DISCOUNT] = 0.10;       /* real rate for public projects, developing economies (docs/economics.md) */
  p->v[IND_E_MCPF] = 1.2;            /* marginal cost of public funds */
  p->v[IND_E_OUTFLOW] = 0.3;         /* FDI profit leaving, share of its value added */
  p->v[IND_E_INVEST_NET] = 1.0;
  p->v[IND_E_DEFLATOR0] = 1.0;
  p->v[IND_E_INFLATION_PAST] = 0.0;
  p->v[IND_E_INFLATION] = 0.0;
  p->v[IND_E_RESIDUAL] = 1.0;        /* the extra capital left at the horizon, at its (depreciated) book value */
  p->inflation_until = 0;
  p->base_year = 0;
  p->basis_year = 0;
  p->outflow_sector = -1;
}

const char *ind_econ_param_name(int j) { return j >= 0 && j < IND_NECON ? names[j] : NULL; }
