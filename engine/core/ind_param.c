/* ind_param.c — the parameter table. Defaults are generic, for a sector with
 * no better information; the Hanoi scenarios set their own with sources. */
#include "ind_param.h"

#include <math.h>
#include <string.h>

#define INI IND_PF_INITIAL
#define SHR IND_PF_SHARED
#define OPT IND_PF_OPTIONAL

static const ind_param_info params[IND_NPARAMS] = {
  {"output0", "X0", "bn VND/yr", "production value at an annual rate on 1 January of the first year", 1000, 1e-9, 1e12, INI},
  {"va_share0", "v0", "fraction", "value added / production value at the start", 0.28, 1e-3, 1, INI},
  {"alpha", "alpha", "fraction", "capital share in value added (Cobb-Douglas exponent)", 0.5, 0.05, 0.95, INI},
  {"kappa", "kappa", "years", "capital / value added at the start (not the ICOR)", 2.5, 1e-3, 50, INI},
  {"employment0", "L0", "thousand workers", "employment at the start", 100, 1e-9, 1e9, INI},
  {"skilled0", "H0", "fraction", "share of skilled (trained) workers at the start", 0.3, 0, 1, INI},
  {"modern0", "M0", "fraction", "share of capital on modern technology at the start", 0.2, 0, 1, INI},
  {"theta", "theta", "1", "productivity premium of a skilled worker over an untrained one", 1.0, 0, 10, 0},
  {"mu", "mu", "1", "TFP premium of modern over dated technology", 0.3, 0, 5, 0},
  {"s", "s", "fraction", "share of value added reinvested", 0.25, 0, 1, 0},
  {"bs", "bs", "1/PCI point", "relative rise of the reinvested share per point of E", 0.005, -0.1, 0.1, 0},
  {"ds", "ds", "fraction", "addition to the reinvested share (credit, subsidies)", 0, -1, 1, 0},
  {"s_max", "s_max", "fraction", "ceiling of the reinvested share", 0.6, 0, 1, 0},
  {"f0", "f0", "fraction of Y0", "outside investment (FDI, new private capital) at the start, as a share of value added at the start", 0.05, 0, 20, 0},
  {"bF", "bF", "1/PCI point", "relative rise of outside investment per point of E", 0.005, -0.1, 0.1, 0},
  {"gF", "gF", "1/yr", "trend growth of outside investment", 0.05, -1, 2, 0},
  {"g", "g", "1/yr", "trend growth of TFP", 0.015, -0.5, 0.5, 0},
  {"dv", "dv", "1/yr", "rate of change of the value-added share v", -0.01, -0.5, 0.5, 0},
  {"delta", "delta", "1/yr", "depreciation of capital", 0.06, 0, 1, 0},
  {"n", "n", "1/yr", "growth of employment", 0.03, -1, 1, 0},
  {"r", "r", "1/yr", "rate at which untrained workers are trained", 0.05, 0, 5, 0},
  {"rho", "rho", "1/yr", "rate at which skilled workers leave or lose their skill", 0.02, 0, 5, 0},
  {"p", "p", "1/yr", "Bass innovation coefficient of technology adoption", 0.02, 0, 5, 0},
  {"q", "q", "1/yr", "Bass imitation coefficient of technology adoption", 0.35, 0, 10, 0},
  {"k", "k", "1", "speed-up of imitation by skills: q(1 + k H)", 0.5, 0, 20, 0},
  {"omega", "omega", "1/yr", "rate at which modern technology becomes dated", 0.02, 0, 5, 0},
  {"m_new", "m_new", "fraction", "modern share of new investment (absent: new capital brings the current mix)", NAN, 0, 1, OPT},
  {"n_long", "n_inf", "1/yr", "long-run growth of employment that n converges to (absent: n stays)", NAN, -1, 1, INI | OPT},
  {"n_speed", "lambda_n", "1/yr", "speed at which n converges to n_long: n_long + (n - n_long) e^(-speed (t - t0))", 0, 0, 5, INI},
  {"gF_long", "gF_inf", "1/yr", "long-run growth of outside investment that gF converges to (absent: gF stays)", NAN, -1, 2, INI | OPT},
  {"gF_speed", "lambda_gF", "1/yr", "speed at which gF converges to gF_long", 0, 0, 5, INI},
  {"g_long", "g_inf", "1/yr", "long-run TFP growth that g converges to (absent: g stays)", NAN, -0.5, 0.5, INI | OPT},
  {"g_speed", "lambda_g", "1/yr", "speed at which g converges to g_long", 0, 0, 5, INI},
  {"E_target", "E_target", "PCI points", "target improvement of the business environment over the start", 0, -100, 100, SHR},
  {"tau_E", "tau_E", "years", "time for the business environment to approach its target", 1, 1e-3, 100, SHR},
};

const ind_param_info *ind_param_info_get(int id) {
  return (id >= 0 && id < IND_NPARAMS) ? &params[id] : NULL;
}

int ind_param_find(const char *name) {
  for (int i = 0; i < IND_NPARAMS; i++)
    if (strcmp(params[i].name, name) == 0) return i;
  return -1;
}
