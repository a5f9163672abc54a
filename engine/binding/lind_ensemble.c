/* lind_ensemble.c — Monte Carlo ensembles from Lua: core.ensemble(spec,
 * baseline_spec, opts) runs one and returns an object to read statistics
 * from (e:stats, e:quantile, e:observations, e:targets), to write
 * (core.write_fan) and to draw (core.plot_fan). A progress bar with an ETA goes to stderr when it is a
 * terminal. */
#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ind_ensemble.h"
#include "ind_fan.h"
#include "ind_observe.h"
#include "ind_plot.h"
#include "lind.h"

#define ENSEMBLE_MT "indsim.ensemble"
#define MAX_TARGETS 64

typedef struct lind_ensemble {
  ind_ensemble *e;
  ind_scenario *sc, *base;
  int ntargets;
  ind_observation targets[MAX_TARGETS];
} lind_ensemble;

static lind_ensemble *check_ensemble(lua_State *L, int idx) {
  lind_ensemble *u = luaL_checkudata(L, idx, ENSEMBLE_MT);
  if (!u->e || !u->sc) luaL_argerror(L, idx, "an ensemble that was already freed or never ran");
  return u;
}

static int ensemble_gc(lua_State *L) {
  lind_ensemble *u = luaL_checkudata(L, 1, ENSEMBLE_MT);
  ind_ensemble_free(u->e);
  ind_scenario_free(u->sc);
  ind_scenario_free(u->base);
  u->e = NULL;
  u->sc = u->base = NULL;
  return 0;
}

typedef struct progress {
  const char *name;
  struct timespec t0;
} progress;

static double seconds_since(const struct timespec *t0) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)(t.tv_sec - t0->tv_sec) + 1e-9 * (double)(t.tv_nsec - t0->tv_nsec);
}

static void show_progress(void *ud, long done, long total) {
  progress *p = ud;
  double el = seconds_since(&p->t0), eta = done > 0 ? el * (double)(total - done) / (double)done : 0.0;
  int width = 30, fill = (int)(width * (double)done / (double)total);
  char bar[64];
  for (int i = 0; i < width; i++) bar[i] = i < fill ? '#' : '-';
  bar[width] = '\0';
  fprintf(stderr, "\r  %-20.20s [%s] %3d%% %ld/%ld  ETA %.1f s ", p->name, bar, (int)(100.0 * (double)done / (double)total),
          done, total, eta);
  if (done == total) fputc('\n', stderr);
  fflush(stderr);
}

static double opt_number(lua_State *L, int t, const char *k, double def) {
  lua_getfield(L, t, k);
  double v = luaL_optnumber(L, -1, def);
  lua_pop(L, 1);
  return v;
}

/* core.ensemble(spec, baseline_spec | nil, {n, seed, threads, alpha, targets, progress}) */
static int core_ensemble(lua_State *L) {
  ind_err err;
  luaL_checktype(L, 3, LUA_TTABLE);
  lind_ensemble *u = lua_newuserdatauv(L, sizeof *u, 0);
  memset(u, 0, sizeof *u);
  luaL_setmetatable(L, ENSEMBLE_MT);
  int self = lua_gettop(L);
  u->sc = lind_to_scenario(L, 1);
  if (!lua_isnil(L, 2)) u->base = lind_to_scenario(L, 2);
  ind_ensemble_opts o = {0};
  o.n = (long)opt_number(L, 3, "n", 1000);
  o.seed = (uint64_t)opt_number(L, 3, "seed", 1);
  o.threads = (int)opt_number(L, 3, "threads", 1);
  o.alpha = opt_number(L, 3, "alpha", 0); /* 0: IND_ENSEMBLE_ALPHA */
  lua_getfield(L, 3, "targets");
  u->ntargets = lind_read_observations(L, -1, u->sc, u->targets, MAX_TARGETS);
  lua_pop(L, 1);
  o.targets = u->targets;
  o.ntargets = u->ntargets;
  progress p = {u->sc->name, {0, 0}};
  lua_getfield(L, 3, "progress");
  if (lua_toboolean(L, -1) && isatty(2)) {
    clock_gettime(CLOCK_MONOTONIC, &p.t0);
    o.progress = show_progress;
    o.progress_ud = &p;
  }
  lua_pop(L, 1);
  if (ind_ensemble_run(u->sc, u->base, &o, &u->e, &err)) return lind_raise(L, &err, u->sc->name);
  lua_settop(L, self);
  return 1;
}

static int set_arg(lua_State *L, int idx) {
  static const char *const sets[] = {"level", "gain", "gain_pct", NULL};
  return luaL_checkoption(L, idx, "level", sets);
}

void lind_push_stats(lua_State *L, const ind_stats *st) {
  static const char *const names[IND_NFAN] = {"q05", "q25", "q50", "q75", "q95"};
  lua_createtable(L, 0, 8);
  lua_pushinteger(L, st->n);
  lua_setfield(L, -2, "n");
  lind_set_number(L, "mean", st->mean);
  lind_set_number(L, "sd", st->sd);
  for (int k = 0; k < IND_NFAN; k++) lind_set_number(L, names[k], st->q[k]);
}

/* e:stats(var, year [, sector [, set]]) -> {n, mean, sd, q05, q25, q50, q75, q95} */
static int ensemble_stats(lua_State *L) {
  ind_err err;
  lind_ensemble *u = check_ensemble(L, 1);
  int var = lind_var_arg(L, 2), year = lind_check_int(L, 3, -100000, 100000), sector = lind_sector_arg(L, u->sc, 4), set = set_arg(L, 5);
  ind_stats st;
  if (set != IND_SET_LEVEL && !u->base) {
    luaL_where(L, 1);
    return lind_error(L, LIND_ERR_SCENARIO, "%sa gain needs an ensemble run with baseline = ...", lua_tostring(L, -1));
  }
  if (ind_ensemble_stats(u->e, (ind_set)set, year, sector, var, &st, &err)) {
    luaL_where(L, 1);
    return lind_raise(L, &err, lua_tostring(L, -1));
  }
  lind_push_stats(L, &st);
  return 1;
}

/* e:quantile(var, year, sector, q [, set]) */
static int ensemble_quantile(lua_State *L) {
  lind_ensemble *u = check_ensemble(L, 1);
  int var = lind_var_arg(L, 2), year = lind_check_int(L, 3, -100000, 100000), sector = lind_sector_arg(L, u->sc, 4);
  double q = luaL_checknumber(L, 5);
  luaL_argcheck(L, q >= 0 && q <= 1, 5, "a probability in [0, 1]");
  double v = ind_ensemble_quantile(u->e, (ind_set)set_arg(L, 6), year, sector, var, q);
  lind_push_number(L, v);
  return 1;
}

/* e:observations() -> list of {label, observed, se, mean, sd, q05..q95, n} */
static int ensemble_observations(lua_State *L) {
  ind_err err;
  lind_ensemble *u = check_ensemble(L, 1);
  lua_createtable(L, u->sc->nobs, 0);
  for (int k = 0; k < u->sc->nobs; k++) {
    ind_stats st;
    if (ind_ensemble_obs_stats(u->e, k, &st, &err)) return lind_raise(L, &err, NULL);
    lind_push_stats(L, &st);
    lind_set_obs_labels(L, &u->sc->obs[k], u->sc);
    lind_set_number(L, "observed", u->sc->obs[k].value);
    lind_set_number(L, "se", u->sc->obs[k].se);
    lua_pushinteger(L, u->sc->obs[k].year1);
    lua_setfield(L, -2, "year");
    lua_rawseti(L, -2, k + 1);
  }
  return 1;
}

/* e:targets() -> list of {label, target, p_met, shortfall, mean, ..., q95} */
static int ensemble_targets(lua_State *L) {
  ind_err err;
  lind_ensemble *u = check_ensemble(L, 1);
  lua_createtable(L, u->ntargets, 0);
  for (int k = 0; k < u->ntargets; k++) {
    ind_target_stats ts;
    if (ind_ensemble_target(u->e, k, &ts, &err)) return lind_raise(L, &err, NULL);
    lind_push_stats(L, &ts.value);
    lind_set_obs_labels(L, &u->targets[k], u->sc);
    lind_set_number(L, "target", u->targets[k].value);
    lind_set_number(L, "p_met", ts.p_met);
    lind_set_number(L, "shortfall", ts.shortfall);
    lua_rawseti(L, -2, k + 1);
  }
  return 1;
}

static int ensemble_index(lua_State *L) {
  lind_ensemble *u = check_ensemble(L, 1);
  const char *key = luaL_checkstring(L, 2);
  if (!strcmp(key, "name")) lua_pushstring(L, u->sc->name);
  else if (!strcmp(key, "title")) lua_pushstring(L, u->sc->title);
  else if (!strcmp(key, "baseline")) u->base ? (void)lua_pushstring(L, u->base->name) : lua_pushnil(L);
  else if (!strcmp(key, "draws")) lua_pushinteger(L, ind_ensemble_draws(u->e));
  else if (!strcmp(key, "failed")) lua_pushinteger(L, ind_ensemble_failed(u->e));
  else if (!strcmp(key, "failure")) lua_pushstring(L, ind_ensemble_failure(u->e));
  else if (!strcmp(key, "rhs_calls")) lua_pushinteger(L, ind_ensemble_rhs_calls(u->e));
  else if (!strcmp(key, "bytes")) lua_pushinteger(L, (lua_Integer)ind_ensemble_bytes(u->e));
  else if (!strcmp(key, "first_year")) lua_pushinteger(L, u->sc->first_year);
  else if (!strcmp(key, "last_year")) lua_pushinteger(L, u->sc->last_year);
  else {
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_getfield(L, -1, key);
  }
  return 1;
}

static int ensemble_tostring(lua_State *L) {
  lind_ensemble *u = check_ensemble(L, 1);
  lua_pushfstring(L, "indsim ensemble '%s' (%d draws)", u->sc->name, (int)ind_ensemble_draws(u->e));
  return 1;
}

/* core.write_fan(e, dir [, bom]): dir/fan.csv, and dir/targets.csv when there are plan targets */
static int write_fan(lua_State *L) {
  ind_err err;
  lind_ensemble *u = check_ensemble(L, 1);
  const char *dir = luaL_checkstring(L, 2);
  int flags = lind_csv_flags(L, 3);
  if (ind_csv_write_fan(lua_pushfstring(L, "%s/fan.csv", dir), u->sc, u->e, flags, &err)) return lind_raise(L, &err, NULL);
  if (u->ntargets &&
      ind_csv_write_targets(lua_pushfstring(L, "%s/targets.csv", dir), u->sc, u->targets, u->ntargets, u->e, flags, &err))
    return lind_raise(L, &err, NULL);
  return 0;
}

/* core.plot_fan(e, dir, stem, set, sector, opts): the fan chart dir/stem.png
 * (or .svg) of set "level" (default), or of the gain over the baseline ("gain"
 * or "gain_pct": the same chart, in bn VND and in %), for a sector's name or
 * "total" (default); opts as core.plot_projection's. true; nil, message when
 * gnuplot is missing or failed. */
static int plot_fan(lua_State *L) {
  ind_err err;
  lind_ensemble *u = check_ensemble(L, 1);
  const char *dir = luaL_checkstring(L, 2), *stem = luaL_checkstring(L, 3);
  int set = set_arg(L, 4), sector = lind_sector_arg(L, u->sc, 5);
  luaL_argcheck(L, set == IND_SET_LEVEL || u->base, 4, "a gain needs an ensemble run with a baseline");
  ind_plot_opts o = lind_plot_opts(L, 6);
  const char *base = !u->base ? NULL : u->base->title && *u->base->title ? u->base->title : u->base->name;
  return lind_plot_result(L, ind_plot_fan(dir, stem, u->sc, u->e, (ind_set)set, sector, base, &o, &err), &err);
}

static lind_ensemble *check_econ_ensemble(lua_State *L) {
  lind_ensemble *u = check_ensemble(L, 1);
  if (!u->base) {
    luaL_where(L, 1);
    lind_error(L, LIND_ERR_SCENARIO, "%scost-benefit needs an ensemble run with baseline = ...", lua_tostring(L, -1));
  }
  return u;
}

/* e:economics() -> {npv = stats, bcr =, pv_benefit =, pv_cost =, payback_year =} (needs a baseline);
 * npv also holds p_positive, the share of draws with NPV > 0. */
static int ensemble_economics(lua_State *L) {
  ind_err err;
  static const char *const names[IND_NECON_OUT] = {"npv", "bcr", "pv_benefit", "pv_cost", "payback_year"};
  lind_ensemble *u = check_econ_ensemble(L);
  lua_createtable(L, 0, IND_NECON_OUT);
  for (int k = 0; k < IND_NECON_OUT; k++) {
    ind_stats st;
    if (ind_ensemble_econ(u->e, (ind_econ_out)k, &st, &err)) return lind_raise(L, &err, NULL);
    lind_push_stats(L, &st);
    if (k == IND_EC_NPV) { /* P(NPV > 0); the others' sign says nothing new (BCR > 1 iff NPV > 0) */
      lind_set_number(L, "p_positive", ind_ensemble_econ_positive(u->e, IND_EC_NPV));
    }
    lua_setfield(L, -2, names[k]);
  }
  return 1;
}

/* e:economics_years() -> list of {year =, n, mean, sd, q05 .. q95}: the
 * cumulative NPV up to the end of each year over the draws (needs a baseline) */
static int ensemble_economics_years(lua_State *L) {
  ind_err err;
  lind_ensemble *u = check_econ_ensemble(L);
  int first = u->sc->first_year, n = u->sc->last_year - first + 1;
  lua_createtable(L, n, 0);
  for (int j = 0; j < n; j++) {
    ind_stats st;
    if (ind_ensemble_econ_year(u->e, first + j, &st, &err)) return lind_raise(L, &err, NULL);
    lind_push_stats(L, &st);
    lua_pushinteger(L, first + j);
    lua_setfield(L, -2, "year");
    lua_rawseti(L, -2, j + 1);
  }
  return 1;
}

/* e:economics_quantile(name, q): quantile q of npv, bcr, pv_benefit, pv_cost or payback_year. */
static int ensemble_economics_quantile(lua_State *L) {
  static const char *const names[] = {"npv", "bcr", "pv_benefit", "pv_cost", "payback_year", NULL};
  lind_ensemble *u = check_ensemble(L, 1);
  int k = luaL_checkoption(L, 2, NULL, names);
  double q = luaL_checknumber(L, 3);
  luaL_argcheck(L, q >= 0 && q <= 1, 3, "a probability in [0, 1]");
  double v = ind_ensemble_econ_quantile(u->e, (ind_econ_out)k, q);
  lind_push_number(L, v);
  return 1;
}

static const luaL_Reg ensemble_methods[] = {
  {"economics", ensemble_economics},
  {"economics_quantile", ensemble_economics_quantile},
  {"economics_years", ensemble_economics_years},
  {"stats", ensemble_stats},
  {"quantile", ensemble_quantile},
  {"observations", ensemble_observations},
  {"targets", ensemble_targets},
  {NULL, NULL},
};

static const luaL_Reg ensemble_meta[] = {
  {"__gc", ensemble_gc},
  {"__tostring", ensemble_tostring},
  {NULL, NULL},
};

static const luaL_Reg funcs[] = {
  {"ensemble", core_ensemble},
  {"write_fan", write_fan},
  {"plot_fan", plot_fan},
  {NULL, NULL},
};

void lind_open_ensemble(lua_State *L) {
  lind_new_class(L, ENSEMBLE_MT, ensemble_meta, ensemble_methods, ensemble_index);
  luaL_setfuncs(L, funcs, 0);
}
