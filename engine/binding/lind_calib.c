/* lind_calib.c — calibration from Lua: core.calibrate(spec, fits, opts) fits
 * the named numbers to the scenario's observations (ind_calib.h) and returns
 * the report as a table; the scenario language turns it into a calibrated
 * scenario (engine/lua/calibrate.lua). */
#include <lauxlib.h>
#include <math.h>
#include <string.h>

#include "ind_calib.h"
#include "ind_observe.h"
#include "lind.h"

typedef struct fit_guard {
  ind_scenario *sc;
  ind_fit *fit;
} fit_guard;

static int guard_gc(lua_State *L) {
  fit_guard *g = lua_touserdata(L, 1);
  ind_fit_free(g->fit);
  ind_scenario_free(g->sc);
  g->fit = NULL;
  g->sc = NULL;
  return 0;
}

static double num(lua_State *L, int t, const char *k, double def) {
  lua_getfield(L, t, k);
  double v = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : def;
  lua_pop(L, 1);
  return v;
}

/* fits[k] = {name, targets, init, prior, lo, hi}; arrays kept on the stack. */
static ind_fit_param *read_fits(lua_State *L, int idx, const ind_scenario *sc, int *np) {
  *np = (int)luaL_len(L, idx);
  if (*np < 1) lind_error(L, LIND_ERR_SCENARIO, "calibrate: nothing to fit");
  ind_fit_param *p = lua_newuserdatauv(L, (size_t)*np * sizeof *p, 0);
  ind_dist *priors = lua_newuserdatauv(L, (size_t)*np * sizeof *priors, 0);
  for (int k = 0; k < *np; k++) {
    lua_rawgeti(L, idx, k + 1);
    int f = lua_gettop(L);
    lua_getfield(L, f, "name");
    if (lua_type(L, -1) != LUA_TSTRING) lind_error(L, LIND_ERR_SCENARIO, "calibrate: fit %d has no name", k + 1);
    p[k].name = lua_tostring(L, -1); /* anchored in the fits table */
    lua_pop(L, 1);
    p[k].targets = lind_read_targets(L, f, sc, &p[k].ntargets); /* userdata left on the stack */
    p[k].init = num(L, f, "init", NAN);
    p[k].lo = num(L, f, "lo", -INFINITY);
    p[k].hi = num(L, f, "hi", INFINITY);
    lua_getfield(L, f, "prior");
    p[k].prior = NULL;
    if (lua_istable(L, -1)) {
      lind_to_dist(L, -1, &priors[k]);
      p[k].prior = &priors[k];
    }
    lua_pop(L, 1);
    lua_remove(L, f); /* the targets userdata stays */
  }
  return p;
}

static void push_array(lua_State *L, const double *v, int n) {
  lua_createtable(L, n, 0);
  for (int i = 0; i < n; i++) {
    if (isnan(v[i])) lua_pushboolean(L, 0); /* a hole would cut the list: false stands for "none" */
    else lua_pushnumber(L, v[i]);
    lua_rawseti(L, -2, i + 1);
  }
}

static void push_matrix(lua_State *L, const double *m, int n) {
  lua_createtable(L, n, 0);
  for (int r = 0; r < n; r++) {
    push_array(L, m + (size_t)r * (size_t)n, n);
    lua_rawseti(L, -2, r + 1);
  }
}

static void push_params(lua_State *L, const ind_fit *f, const ind_fit_param *p) {
  lua_createtable(L, f->np, 0);
  for (int k = 0; k < f->np; k++) {
    lua_createtable(L, 0, 8);
    lua_pushstring(L, p[k].name);
    lua_setfield(L, -2, "name");
    lind_set_number(L, "value", f->x[k]);
    lind_set_number(L, "init", p[k].init);
    lind_set_number(L, "se", f->se[k]);
    lind_set_number(L, "prior_z", f->prior_z[k]);
    lind_set_number(L, "prior_sd", f->prior_sd[k]);
    lind_set_number(L, "shrink", f->shrink[k]);
    lua_pushboolean(L, f->identified[k]);
    lua_setfield(L, -2, "identified");
    lua_rawseti(L, -2, k + 1);
  }
  lua_setfield(L, -2, "params");
}

static void push_obs(lua_State *L, const ind_scenario *sc, const ind_fit *f, const unsigned char *use) {
  lua_createtable(L, sc->nobs, 0);
  for (int k = 0; k < sc->nobs; k++) {
    lua_createtable(L, 0, 6);
    lind_set_obs_labels(L, &sc->obs[k], sc);
    lind_set_number(L, "observed", sc->obs[k].value);
    lind_set_number(L, "model", f->model[k]);
    lind_set_number(L, "se", sc->obs[k].se);
    lua_pushinteger(L, sc->obs[k].year1);
    lua_setfield(L, -2, "year");
    lua_pushboolean(L, !use || use[k]);
    lua_setfield(L, -2, "used");
    lua_pushboolean(L, sc->obs[k].kind == IND_OBS_LEVEL);
    lua_setfield(L, -2, "level");
    lua_rawseti(L, -2, k + 1);
  }
  lua_setfield(L, -2, "observations");
}

static void push_report(lua_State *L, const ind_scenario *sc, const ind_fit *f, const ind_fit_param *p,
                        const unsigned char *use) {
  lua_createtable(L, 0, 12);
  push_params(L, f, p);
  push_obs(L, sc, f, use);
  push_matrix(L, f->cov, f->np);
  lua_setfield(L, -2, "cov");
  push_matrix(L, f->corr, f->np);
  lua_setfield(L, -2, "corr");
  lind_set_number(L, "chi2_data", f->chi2_data);
  lind_set_number(L, "chi2_prior", f->chi2_prior);
  lua_pushinteger(L, f->ndata);
  lua_setfield(L, -2, "ndata");
  lua_pushinteger(L, f->iterations);
  lua_setfield(L, -2, "iterations");
  lua_pushinteger(L, f->runs);
  lua_setfield(L, -2, "runs");
  lua_pushboolean(L, f->converged);
  lua_setfield(L, -2, "converged");
  lua_pushstring(L, f->warnings ? f->warnings : "");
  lua_setfield(L, -2, "warnings");
}

/* core.calibrate(spec, fits, {max_iter, rtol, use_obs = {bool, ...}}) -> report */
static int core_calibrate(lua_State *L) {
  ind_err err;
  luaL_checktype(L, 2, LUA_TTABLE);
  fit_guard *g = lua_newuserdatauv(L, sizeof *g, 0);
  memset(g, 0, sizeof *g);
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, guard_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  g->sc = lind_to_scenario(L, 1);
  int np;
  ind_fit_param *p = read_fits(L, 2, g->sc, &np);
  ind_fit_opts o = {0, NULL, 0.0};
  unsigned char *use = NULL;
  if (lua_istable(L, 3)) {
    o.max_iter = (int)num(L, 3, "max_iter", 0);
    o.rtol = num(L, 3, "rtol", 0);
    lua_getfield(L, 3, "use_obs");
    if (lua_istable(L, -1)) {
      use = lua_newuserdatauv(L, (size_t)(g->sc->nobs ? g->sc->nobs : 1), 0);
      for (int k = 0; k < g->sc->nobs; k++) {
        lua_rawgeti(L, -2, k + 1);
        use[k] = (unsigned char)lua_toboolean(L, -1);
        lua_pop(L, 1);
      }
      o.use_obs = use;
    }
  }
  if (ind_calibrate(g->sc, p, np, &o, &g->fit, &err)) return lind_raise(L, &err, g->sc->name);
  push_report(L, g->sc, g->fit, p, use);
  return 1;
}

static const luaL_Reg funcs[] = {
  {"calibrate", core_calibrate},
  {NULL, NULL},
};

void lind_open_calib(lua_State *L) { luaL_setfuncs(L, funcs, 0); }
