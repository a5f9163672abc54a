/* lind_result.c — the result userdata: a scenario as run and its annual
 * results and observations, read from Lua by name. */
#include <lauxlib.h>
#include <math.h>
#include <string.h>

#include "ind_labels.h"
#include "ind_observe.h"
#include "lind.h"

#define RESULT_MT "indsim.result"

lind_result *lind_check_result(lua_State *L, int idx) {
  lind_result *u = luaL_checkudata(L, idx, RESULT_MT);
  if (!u->r || !u->sc) luaL_argerror(L, idx, "a result that was already freed");
  return u;
}

void lind_push_result(lua_State *L, ind_scenario *sc, ind_result *r) {
  lind_result *u = lua_newuserdatauv(L, sizeof *u, 0);
  u->sc = sc;
  u->r = r;
  luaL_setmetatable(L, RESULT_MT);
}

/* r:get(var, year [, sector]) -> number or nil */
static int result_get(lua_State *L) {
  lind_result *u = lind_check_result(L, 1);
  int var = lind_var_arg(L, 2);
  int year = lind_check_int(L, 3, -100000, 100000);
  lind_push_number(L, ind_result_get(u->r, year, lind_sector_arg(L, u->sc, 4), var));
  return 1;
}

/* r:series(var [, sector]) -> years, values (values[k] may be nil: growth of the first year) */
static int result_series(lua_State *L) {
  lind_result *u = lind_check_result(L, 1);
  int var = lind_var_arg(L, 2), sector = lind_sector_arg(L, u->sc, 3);
  lua_createtable(L, u->r->nyears, 0);
  lua_createtable(L, u->r->nyears, 0);
  for (int k = 0; k < u->r->nyears; k++) {
    lua_pushinteger(L, u->r->first_year + k);
    lua_rawseti(L, -3, k + 1);
    lind_push_number(L, ind_result_get(u->r, u->r->first_year + k, sector, var));
    lua_rawseti(L, -2, k + 1);
  }
  return 2;
}

/* r:observations() -> list of {label, kind, sector, observed, model, se, source} */
void lind_set_obs_labels(lua_State *L, const ind_observation *o, const ind_scenario *sc) {
  char label[160];
  lua_pushstring(L, ind_obs_describe(o, sc, label, sizeof label));
  lua_setfield(L, -2, "label");
  lua_pushstring(L, ind_obs_label(o, sc, IND_LANG_VI, label, sizeof label));
  lua_setfield(L, -2, "label_vi");
}

static int result_observations(lua_State *L) {
  lind_result *u = lind_check_result(L, 1);
  static const char *const kinds[] = {"level", "growth", "avg_growth", "period_growth"};
  lua_createtable(L, u->sc->nobs, 0);
  for (int k = 0; k < u->sc->nobs; k++) {
    const ind_observation *o = &u->sc->obs[k];
    lua_createtable(L, 0, 8);
    lind_set_obs_labels(L, o, u->sc);
    lua_pushstring(L, kinds[o->kind]);
    lua_setfield(L, -2, "kind");
    lua_pushstring(L, o->sector == IND_TOTAL ? "total" : u->sc->sector_names[o->sector]);
    lua_setfield(L, -2, "sector");
    lua_pushnumber(L, o->value);
    lua_setfield(L, -2, "observed");
    lind_push_number(L, u->r->obs_model[k]);
    lua_setfield(L, -2, "model");
    lua_pushnumber(L, o->se);
    lua_setfield(L, -2, "se");
    lua_pushstring(L, o->source ? o->source : "");
    lua_setfield(L, -2, "source");
    lua_rawseti(L, -2, k + 1);
  }
  return 1;
}

static int result_index(lua_State *L) {
  lind_result *u = lind_check_result(L, 1);
  const char *key = luaL_checkstring(L, 2);
  if (strcmp(key, "name") == 0) lua_pushstring(L, u->sc->name);
  else if (strcmp(key, "title") == 0) lua_pushstring(L, u->sc->title);
  else if (strcmp(key, "first_year") == 0) lua_pushinteger(L, u->sc->first_year);
  else if (strcmp(key, "last_year") == 0) lua_pushinteger(L, u->sc->last_year);
  else if (strcmp(key, "warnings") == 0) lua_pushstring(L, u->r->warnings);
  else if (strcmp(key, "steps") == 0) lua_pushinteger(L, u->r->steps);
  else if (strcmp(key, "rhs_calls") == 0) lua_pushinteger(L, u->r->rhs_calls);
  else if (strcmp(key, "sectors") == 0) {
    lua_createtable(L, u->sc->nsectors, 0);
    for (int i = 0; i < u->sc->nsectors; i++) {
      lua_pushstring(L, u->sc->sector_names[i]);
      lua_rawseti(L, -2, i + 1);
    }
  } else {
    lua_pushvalue(L, lua_upvalueindex(1)); /* the methods table */
    lua_getfield(L, -1, key);
  }
  return 1;
}

static int result_gc(lua_State *L) {
  lind_result *u = luaL_checkudata(L, 1, RESULT_MT);
  ind_result_free(u->r);
  ind_scenario_free(u->sc);
  u->r = NULL;
  u->sc = NULL;
  return 0;
}

static int result_tostring(lua_State *L) {
  lind_result *u = lind_check_result(L, 1);
  lua_pushfstring(L, "indsim result '%s' (%d-%d)", u->sc->name, u->sc->first_year, u->sc->last_year);
  return 1;
}

static const luaL_Reg result_methods[] = {
  {"get", result_get},
  {"series", result_series},
  {"observations", result_observations},
  {NULL, NULL},
};

static const luaL_Reg result_meta[] = {
  {"__gc", result_gc},
  {"__tostring", result_tostring},
  {NULL, NULL},
};

void lind_open_result(lua_State *L) {
  lind_new_class(L, RESULT_MT, result_meta, result_methods, result_index);
}
