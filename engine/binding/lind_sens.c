/* lind_sens.c — sensitivity analysis from Lua: core.sensitivity(spec,
 * baseline_spec | nil, outputs, opts) maps the scenario's uncertain numbers to
 * independent inputs in (0, 1) (ind_draw.h), runs the scenario (and its
 * baseline, with the same values for the numbers they share) at the points
 * ind_sens asks for, and returns one-at-a-time swings or Sobol indices of each
 * output: an annual cell (level, gain or gain in %) or a cost-benefit figure. */
#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ind_draw.h"
#include "ind_econ.h"
#include "ind_sens.h"
#include "lind.h"

#define MAX_OUT 64

typedef struct sens_out {
  int econ;                    /* -1: an annual cell; else an ind_econ_out */
  int set, year, sector, var;
} sens_out;

typedef struct sens_ctx {
  ind_scenario *sc, *base;     /* owned by the guard */
  ind_runner *rs, *rb;
  int d, db;
  int *map;                    /* per baseline input: the scenario input with its key, or -1 */
  double *ub;
  int nout;
  sens_out out[MAX_OUT];
} sens_ctx;

static int ctx_gc(lua_State *L) {
  sens_ctx *c = lua_touserdata(L, 1);
  ind_runner_free(c->rs);
  ind_runner_free(c->rb);
  ind_scenario_free(c->sc);
  ind_scenario_free(c->base);
  free(c->map);
  free(c->ub);
  memset(c, 0, sizeof *c);
  return 0;
}

static double econ_value(const ind_econ *e, int which) {
  switch (which) {
  case IND_EC_NPV: return e->npv;
  case IND_EC_BCR: return e->bcr;
  case IND_EC_PV_BENEFIT: return e->pv_benefit;
  case IND_EC_PV_COST: return e->pv_cost;
  default: return e->payback_year > 0 ? e->payback_year : NAN;
  }
}

static double cell_value(const sens_ctx *c, const sens_out *o) {
  double s = ind_result_get(ind_runner_result(c->rs), o->year, o->sector, o->var);
  if (o->set == IND_SET_LEVEL) return s;
  double b = ind_result_get(ind_runner_result(c->rb), o->year, o->sector, o->var);
  return o->set == IND_SET_GAIN ? s - b : (b != 0.0 ? 100.0 * (s / b - 1.0) : NAN);
}

static int evaluate(void *ud, const double *u, double *y) {
  sens_ctx *c = ud;
  if (ind_inputs_apply(c->sc, u, NULL) || ind_runner_run(c->rs, NULL)) return 1;
  if (c->base) {
    for (int k = 0; k < c->db; k++) c->ub[k] = c->map[k] >= 0 ? u[c->map[k]] : 0.5;
    if (ind_inputs_apply(c->base, c->ub, NULL) || ind_runner_run(c->rb, NULL)) return 1;
  }
  ind_econ e = {0};
  int have_econ = 0;
  for (int k = 0; k < c->nout; k++) {
    const sens_out *o = &c->out[k];
    if (o->econ < 0) {
      y[k] = cell_value(c, o);
      continue;
    }
    if (!have_econ && ind_econ_compute(c->sc, ind_runner_result(c->rs), ind_runner_result(c->rb), NULL, &e, NULL)) return 1;
    have_econ = 1;
    y[k] = econ_value(&e, o->econ);
  }
  if (have_econ) ind_econ_clear(&e);
  return 0;
}

/* The baseline's inputs mapped to the scenario's by key (shared numbers get the same value). */
static int map_inputs(sens_ctx *c) {
  char a[160], b[160];
  c->db = ind_inputs_count(c->base);
  c->map = malloc((size_t)(c->db ? c->db : 1) * sizeof(int));
  c->ub = malloc((size_t)(c->db ? c->db : 1) * sizeof(double));
  if (!c->map || !c->ub) return 0;
  for (int k = 0; k < c->db; k++) {
    c->map[k] = -1;
    ind_inputs_name(c->base, k, b, sizeof b);
    for (int i = 0; i < c->d; i++)
      if (!strcmp(ind_inputs_name(c->sc, i, a, sizeof a), b)) c->map[k] = i;
  }
  return 1;
}

static void read_outputs(lua_State *L, int idx, sens_ctx *c) {
  static const char *const sets[] = {"level", "gain", "gain_pct", NULL};
  static const char *const econ[] = {"npv", "bcr", "pv_benefit", "pv_cost", "payback_year", NULL};
  c->nout = (int)luaL_len(L, idx);
  if (c->nout < 1 || c->nout > MAX_OUT) lind_error(L, LIND_ERR_SCENARIO, "sensitivity: 1 to %d outputs", MAX_OUT);
  for (int k = 0; k < c->nout; k++) {
    lua_rawgeti(L, idx, k + 1);
    int t = lua_gettop(L);
    sens_out *o = &c->out[k];
    lua_getfield(L, t, "econ");
    o->econ = lua_isstring(L, -1) ? luaL_checkoption(L, -1, NULL, econ) : -1;
    lua_getfield(L, t, "set");
    o->set = luaL_checkoption(L, -1, "level", sets);
    if ((o->econ >= 0 || o->set != IND_SET_LEVEL) && !c->base)
      lind_error(L, LIND_ERR_SCENARIO, "sensitivity: a gain or a cost-benefit needs a baseline");
    if (o->econ < 0) {
      lua_getfield(L, t, "var");
      o->var = lind_var_arg(L, lua_gettop(L));
      lua_getfield(L, t, "year");
      o->year = lind_check_int(L, -1, c->sc->first_year, c->sc->last_year);
      lua_getfield(L, t, "sector");
      o->sector = lind_sector_arg(L, c->sc, lua_gettop(L));
    }
    lua_settop(L, t - 1);
  }
}

static void push_matrix(lua_State *L, const double *m, int d, int nout) { /* [output][input] */
  lua_createtable(L, nout, 0);
  for (int k = 0; k < nout; k++) {
    lua_createtable(L, d, 0);
    for (int i = 0; i < d; i++) {
      double v = m[(size_t)i * (size_t)nout + (size_t)k];
      if (isnan(v)) lua_pushboolean(L, 0);
      else lua_pushnumber(L, v);
      lua_rawseti(L, -2, i + 1);
    }
    lua_rawseti(L, -2, k + 1);
  }
}

static int run_oat(lua_State *L, sens_ctx *c, double lo, double hi) {
  ind_err err;
  size_t n = (size_t)c->nout;
  double *center = lua_newuserdatauv(L, n * sizeof(double), 0);
  double *sw = lua_newuserdatauv(L, (size_t)(c->d ? c->d : 1) * 2 * n * sizeof(double), 0);
  ind_status st = ind_sens_oat(c->d, c->nout, evaluate, c, lo, hi, center, sw, &err);
  if (st && st != IND_ENUMERIC) return lind_raise(L, &err, "sensitivity");
  lua_createtable(L, 0, 4);
  lua_createtable(L, c->nout, 0);
  for (int k = 0; k < c->nout; k++) {
    lua_pushnumber(L, center[k]);
    lua_rawseti(L, -2, k + 1);
  }
  lua_setfield(L, -2, "center");
  double *lo_v = lua_newuserdatauv(L, (size_t)(c->d ? c->d : 1) * n * sizeof(double), 0);
  double *hi_v = lua_newuserdatauv(L, (size_t)(c->d ? c->d : 1) * n * sizeof(double), 0);
  for (int i = 0; i < c->d; i++)
    for (int k = 0; k < c->nout; k++) {
      lo_v[(size_t)i * n + (size_t)k] = sw[((size_t)i * 2) * n + (size_t)k];
      hi_v[(size_t)i * n + (size_t)k] = sw[((size_t)i * 2 + 1) * n + (size_t)k];
    }
  push_matrix(L, lo_v, c->d, c->nout);
  lua_setfield(L, -4, "lo");
  push_matrix(L, hi_v, c->d, c->nout);
  lua_setfield(L, -4, "hi");
  lua_pop(L, 2);
  if (st) {
    lua_pushstring(L, err.msg);
    lua_setfield(L, -2, "failed");
  }
  return 1;
}

static int run_sobol(lua_State *L, sens_ctx *c, const ind_sobol_opts *o) {
  ind_err err;
  ind_sobol *s = NULL;
  if (ind_sobol_run(c->d, c->nout, evaluate, c, o, &s, &err)) return lind_raise(L, &err, "sensitivity");
  lua_createtable(L, 0, 10);
  push_matrix(L, s->s1, s->d, s->nout);
  lua_setfield(L, -2, "s1");
  push_matrix(L, s->st, s->d, s->nout);
  lua_setfield(L, -2, "st");
  push_matrix(L, s->s1_lo, s->d, s->nout);
  lua_setfield(L, -2, "s1_lo");
  push_matrix(L, s->s1_hi, s->d, s->nout);
  lua_setfield(L, -2, "s1_hi");
  push_matrix(L, s->st_lo, s->d, s->nout);
  lua_setfield(L, -2, "st_lo");
  push_matrix(L, s->st_hi, s->d, s->nout);
  lua_setfield(L, -2, "st_hi");
  lua_pushinteger(L, s->n);
  lua_setfield(L, -2, "n");
  lua_pushinteger(L, s->failed);
  lua_setfield(L, -2, "failed");
  lua_pushboolean(L, s->random_points);
  lua_setfield(L, -2, "random_points");
  lua_pushnumber(L, s->level);
  lua_setfield(L, -2, "level");
  ind_sobol_free(s);
  return 1;
}

/* core.sensitivity(spec, base_spec | nil, outputs, {method, n, nboot, level, seed, lo, hi}) */
static int core_sensitivity(lua_State *L) {
  ind_err err;
  luaL_checktype(L, 3, LUA_TTABLE);
  luaL_checktype(L, 4, LUA_TTABLE);
  sens_ctx *c = lua_newuserdatauv(L, sizeof *c, 0);
  memset(c, 0, sizeof *c);
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, ctx_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  int guard = lua_gettop(L);
  c->sc = lind_to_scenario(L, 1);
  if (!lua_isnil(L, 2)) c->base = lind_to_scenario(L, 2);
  read_outputs(L, 3, c);
  c->d = ind_inputs_count(c->sc);
  if (c->d < 1) return lind_error(L, LIND_ERR_SCENARIO, "sensitivity: '%s' has no uncertain number", c->sc->name);
  if (!(c->rs = ind_runner_alloc(c->sc, &err)) || (c->base && !(c->rb = ind_runner_alloc(c->base, &err))))
    return lind_raise(L, &err, "sensitivity");
  if (c->base && !map_inputs(c)) return lind_error(L, LIND_ERR_INTERNAL, "out of memory");
  lua_getfield(L, 4, "method");
  int sobol = lua_isstring(L, -1) && !strcmp(lua_tostring(L, -1), "sobol");
  lua_pop(L, 1);
  lua_getfield(L, 4, "n");
  lua_getfield(L, 4, "nboot");
  lua_getfield(L, 4, "level");
  lua_getfield(L, 4, "seed");
  lua_getfield(L, 4, "lo");
  lua_getfield(L, 4, "hi");
  ind_sobol_opts so = {(long)luaL_optinteger(L, -6, 512), (int)luaL_optinteger(L, -5, 0), luaL_optnumber(L, -4, 0),
                       (uint64_t)luaL_optinteger(L, -3, 1)};
  double lo = luaL_optnumber(L, -2, 0.05), hi = luaL_optnumber(L, -1, 0.95);
  lua_settop(L, guard);
  int nres = sobol ? run_sobol(L, c, &so) : run_oat(L, c, lo, hi);
  lua_createtable(L, c->d, 0); /* the inputs' names */
  for (int i = 0; i < c->d; i++) {
    char name[160];
    lua_pushstring(L, ind_inputs_name(c->sc, i, name, sizeof name));
    lua_rawseti(L, -2, i + 1);
  }
  lua_setfield(L, -2, "inputs");
  return nres;
}

static const luaL_Reg funcs[] = {
  {"sensitivity", core_sensitivity},
  {NULL, NULL},
};

void lind_open_sens(lua_State *L) { luaL_setfuncs(L, funcs, 0); }
