/* ind_var.c — names and units of the annual output variables. */
#include "ind_var.h"

#include <string.h>

static const ind_var_info vars[IND_NVARS] = {
  {"production_value", "bn VND/yr", "gross production value of the year (SXCN)"},
  {"growth", "fraction", "growth of production value over the previous year"},
  {"value_added", "bn VND/yr", "value added of the year"},
  {"investment", "bn VND/yr", "gross investment of the year (reinvested + outside)"},
  {"capital", "bn VND", "capital stock at the end of the year"},
  {"employment", "thousand workers", "employment at the end of the year"},
  {"labour_productivity", "mn VND/worker", "value added of the year per worker, employment averaged over the year"},
  {"skilled_share", "fraction", "skilled share of workers at the end of the year"},
  {"modern_tech_share", "fraction", "modern-technology share of capital at the end of the year"},
  {"policy_cost", "bn VND/yr", "policy spending of the year"},
  {"tfp_index", "index (1 at start)", "total factor productivity A(t)/A(t0) at the end of the year; total: value-added weighted"},
  {"va_share", "fraction", "value added / production value of the year"},
  {"business_env", "PCI points", "improvement E of the business environment at the end of the year"},
};

const ind_var_info *ind_var_info_get(int var) {
  return (var >= 0 && var < IND_NVARS) ? &vars[var] : NULL;
}

int ind_var_find(const char *name) {
  for (int i = 0; i < IND_NVARS; i++)
    if (strcmp(vars[i].name, name) == 0) return i;
  return -1;
}
