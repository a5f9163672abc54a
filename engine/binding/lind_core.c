/* lind_core.c — the `indsim.core` module: parameter and variable tables,
 * running a scenario spec, and the error objects every binding call raises. */
#include <lauxlib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lind.h"
#include "ind_param.h"
#include "ind_var.h"

#define ERROR_MT "indsim.error"

static int error_tostring(lua_State *L) {
  lua_getfield(L, 1, "message");
  return 1;
}

int lind_error(lua_State *L, const char *kind, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  lua_createtable(L, 0, 2);
  lua_pushstring(L, kind);
  lua_setfield(L, -2, "kind");
  lua_pushvfstring(L, fmt, ap);
  lua_setfield(L, -2, "message");
  va_end(ap);
  if (luaL_newmetatable(L, ERROR_MT)) {
    lua_pushcfunction(L, error_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
  }
  lua_setmetatable(L, -2);
  return lua_error(L);
}

int lind_raise(lua_State *L, const ind_err *err, const char *context) {
  const char *kind = LIND_ERR_SCENARIO;
  if (err->code == IND_ENOMEM) kind = LIND_ERR_INTERNAL;
  else if (err->code == IND_ESOLVER || err->code == IND_ENUMERIC) kind = LIND_ERR_NUMERIC;
  else if (err->code == IND_EIO || err->code == IND_EEXTERNAL) kind = LIND_ERR_IO;
  if (context) return lind_error(L, kind, "%s: %s", context, err->msg);
  return lind_error(L, kind, "%s", err->msg);
}

/* An output variable named at idx (annual.csv's columns). */
int lind_var_arg(lua_State *L, int idx) {
  const char *name = luaL_checkstring(L, idx);
  int v = ind_var_find(name);
  if (v < 0) {
    luaL_where(L, 1);
    lind_error(L, LIND_ERR_SCENARIO, "%sunknown output variable '%s' (annual.csv's columns: production_value, growth, value_added, ...)",
               lua_tostring(L, -1), name);
  }
  return v;
}

/* A sector of sc named at idx, "total" (the default) for IND_TOTAL. */
int lind_sector_arg(lua_State *L, const ind_scenario *sc, int idx) {
  const char *name = luaL_optstring(L, idx, "total");
  if (strcmp(name, "total") == 0) return IND_TOTAL;
  int i = ind_scenario_sector_index(sc, name);
  if (i < 0) {
    luaL_where(L, 1);
    lind_error(L, LIND_ERR_SCENARIO, "%sscenario '%s' has no sector '%s'", lua_tostring(L, -1), sc->name, name);
  }
  return i;
}

int lind_check_int(lua_State *L, int idx, int lo, int hi) {
  lua_Integer v = luaL_checkinteger(L, idx);
  if (v < lo || v > hi) luaL_argerror(L, idx, lua_pushfstring(L, "a whole number in %d..%d expected", lo, hi));
  return (int)v;
}

void lind_new_class(lua_State *L, const char *name, const luaL_Reg *meta, const luaL_Reg *methods,
                    lua_CFunction index) {
  if (luaL_newmetatable(L, name)) {
    luaL_setfuncs(L, meta, 0);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable"); /* scripts cannot reach __gc and call it twice */
    lua_newtable(L);
    luaL_setfuncs(L, methods, 0);
    lua_pushcclosure(L, index, 1);
    lua_setfield(L, -2, "__index");
  }
  lua_pop(L, 1);
}

void lind_push_number(lua_State *L, double v) {
  if (isnan(v)) lua_pushnil(L);
  else lua_pushnumber(L, v);
}

void lind_set_number(lua_State *L, const char *k, double v) {
  lind_push_number(L, v);
  lua_setfield(L, -2, k);
}

static void set_str(lua_State *L, const char *k, const char *v) {
  lua_pushstring(L, v);
  lua_setfield(L, -2, k);
}

/* core.params() -> list of {name, symbol, unit, meaning, default, lo, hi, shared, initial, optional} */
static int core_params(lua_State *L) {
  lua_createtable(L, IND_NPARAMS, 0);
  for (int p = 0; p < IND_NPARAMS; p++) {
    const ind_param_info *in = ind_param_info_get(p);
    lua_createtable(L, 0, 10);
    set_str(L, "name", in->name);
    set_str(L, "symbol", in->symbol);
    set_str(L, "unit", in->unit);
    set_str(L, "meaning", in->meaning);
    lind_set_number(L, "default", in->def);
    lind_set_number(L, "lo", in->lo);
    lind_set_number(L, "hi", in->hi);
    lua_pushboolean(L, in->flags & IND_PF_SHARED);
    lua_setfield(L, -2, "shared");
    lua_pushboolean(L, in->flags & IND_PF_INITIAL);
    lua_setfield(L, -2, "initial");
    lua_pushboolean(L, in->flags & IND_PF_OPTIONAL);
    lua_setfield(L, -2, "optional");
    lua_rawseti(L, -2, p + 1);
  }
  return 1;
}

/* core.vars() -> list of {name, unit, meaning} */
static int core_vars(lua_State *L) {
  lua_createtable(L, IND_NVARS, 0);
  for (int v = 0; v < IND_NVARS; v++) {
    const ind_var_info *in = ind_var_info_get(v);
    lua_createtable(L, 0, 3);
    set_str(L, "name", in->name);
    set_str(L, "unit", in->unit);
    set_str(L, "meaning", in->meaning);
    lua_rawseti(L, -2, v + 1);
  }
  return 1;
}

/* core.run(spec) -> result */
static int core_run(lua_State *L) {
  ind_err err;
  ind_result *r = NULL;
  ind_scenario *sc = lind_to_scenario(L, 1);
  if (ind_run(sc, &r, &err)) {
    char where[300];
    snprintf(where, sizeof where, "scenario '%s'", sc->name);
    ind_scenario_free(sc);
    return lind_raise(L, &err, where);
  }
  lind_push_result(L, sc, r);
  return 1;
}

/* core.validate(spec) -> true (raises like run on a bad spec, without solving) */
static int core_validate(lua_State *L) {
  ind_scenario_free(lind_to_scenario(L, 1));
  lua_pushboolean(L, 1);
  return 1;
}

/* core.fail(kind, message): raise an error object from Lua. */
static int core_fail(lua_State *L) {
  return lind_error(L, luaL_checkstring(L, 1), "%s", luaL_checkstring(L, 2));
}

void lind_open_output(lua_State *L);
void lind_open_input(lua_State *L);

/* core.ncpus() -> the number of processors online */
static int core_ncpus(lua_State *L) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  lua_pushinteger(L, n > 0 ? n : 1);
  return 1;
}

/* core.is_error(v) -> whether v is an error object of the engine (core.fail,
 * lind_error), not a table a user's file raised. */
static int core_is_error(lua_State *L) {
  int is = lua_istable(L, 1) && lua_getmetatable(L, 1);
  if (is) {
    luaL_getmetatable(L, ERROR_MT);
    is = lua_rawequal(L, -1, -2);
  }
  lua_pushboolean(L, is);
  return 1;
}

static const luaL_Reg core_funcs[] = {
  {"ncpus", core_ncpus},
  {"params", core_params},
  {"vars", core_vars},
  {"run", core_run},
  {"validate", core_validate},
  {"fail", core_fail},
  {"is_error", core_is_error},
  {NULL, NULL},
};

int luaopen_indsim_core(lua_State *L) {
  lind_open_result(L);
  luaL_newlib(L, core_funcs);
  lind_open_output(L);
  lind_open_input(L);
  lind_open_dist(L);
  lind_open_ensemble(L);
  lind_open_util(L);
  lind_open_calib(L);
  lind_open_econ(L);
  lind_open_sens(L);
  lind_open_limits(L);
  lua_pushstring(L, INDSIM_VERSION);
  lua_setfield(L, -2, "version");
  return 1;
}
