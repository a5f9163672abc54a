/* lind_econ.c — cost-benefit from Lua: core.economics(result, baseline_result)
 * and the ensemble's e:economics() (bands of NPV, BCR, present values and the
 * payback year). */
#include <lauxlib.h>
#include <math.h>

#include "ind_econ.h"
#include "ind_ensemble.h"
#include "lind.h"

static void push_year(lua_State *L, const ind_econ_year *y) {
  lua_createtable(L, 0, 10);
  lua_pushinteger(L, y->year);
  lua_setfield(L, -2, "year");
  lind_set_number(L, "gain_pv", y->gain_pv);
  lind_set_number(L, "gain_va", y->gain_va);
  lind_set_number(L, "induced_investment", y->induced_investment);
  lind_set_number(L, "outflow", y->outflow);
  lind_set_number(L, "residual", y->residual);
  lind_set_number(L, "benefit", y->benefit);
  lind_set_number(L, "cost_current", y->cost_current);
  lind_set_number(L, "cost", y->cost);
  lind_set_number(L, "discount", y->discount);
  lind_set_number(L, "npv_cumulative", y->npv_cumulative);
}

/* core.economics(r, base) -> {years = {...}, pv_benefit, pv_cost, npv, bcr, payback_year, base_year, basis_year} */
static int econ_compute(lua_State *L) {
  ind_err err;
  lind_result *r = lind_check_result(L, 1), *b = lind_check_result(L, 2);
  ind_econ e = {0};
  if (ind_econ_compute(r->sc, r->r, b->r, NULL, &e, &err)) {
    luaL_where(L, 1);
    return lind_raise(L, &err, lua_tostring(L, -1));
  }
  lua_createtable(L, 0, 9);
  lua_createtable(L, e.nyears, 0);
  for (int k = 0; k < e.nyears; k++) {
    push_year(L, &e.years[k]);
    lua_rawseti(L, -2, k + 1);
  }
  lua_setfield(L, -2, "years");
  lind_set_number(L, "pv_benefit", e.pv_benefit);
  lind_set_number(L, "pv_cost", e.pv_cost);
  lind_set_number(L, "npv", e.npv);
  lind_set_number(L, "bcr", e.bcr);
  if (e.payback_year > 0) {
    lua_pushinteger(L, e.payback_year);
    lua_setfield(L, -2, "payback_year");
  }
  lua_pushinteger(L, e.base_year);
  lua_setfield(L, -2, "base_year");
  lua_pushinteger(L, r->sc->econ.basis_year);
  lua_setfield(L, -2, "basis_year");
  lind_set_number(L, "discount_rate", r->sc->econ.v[IND_E_DISCOUNT]);
  ind_econ_clear(&e);
  return 1;
}

static const luaL_Reg funcs[] = {
  {"economics", econ_compute},
  {NULL, NULL},
};

void lind_open_econ(lua_State *L) { luaL_setfuncs(L, funcs, 0); }
