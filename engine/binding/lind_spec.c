/* lind_spec.c — a normalized scenario spec (the table engine/lua/scenario.lua
 * builds) into an ind_scenario. The Lua side has already checked keys, types
 * and ranges with file:line; these checks are the second line of defence and
 * name the spec's `where` when they fire. */
#include <lauxlib.h>
#include <math.h>
#include <string.h>

#include "ind_draw.h"
#include "ind_var.h"
#include "lind.h"

typedef struct spec_ctx {
  lua_State *L;
  ind_scenario *sc;   /* freed by the guard userdata if an error unwinds */
  const char *where;  /* "file:line" of the item being read, or the scenario's */
} spec_ctx;

static int fail(spec_ctx *c, const char *fmt, const char *key) {
  return lind_error(c->L, LIND_ERR_SCENARIO, "%s: %s: %s", c->where ? c->where : "scenario", key, fmt);
}

static double num_field(spec_ctx *c, int t, const char *key, double def, int required) {
  lua_getfield(c->L, t, key);
  double v = def;
  if (lua_isnumber(c->L, -1)) v = lua_tonumber(c->L, -1);
  else if (!lua_isnil(c->L, -1) || required) fail(c, "number expected", key);
  lua_pop(c->L, 1);
  return v;
}

/* A string field of table t. Only a real string is taken (lua_tostring would
 * convert a number in place, in a slot popped here); it stays valid while
 * the table holds it, which outlasts the conversion. */
static const char *str_field(spec_ctx *c, int t, const char *key, int required) {
  lua_getfield(c->L, t, key);
  int type = lua_type(c->L, -1);
  if (type != LUA_TSTRING && (required || type != LUA_TNIL)) fail(c, "string expected", key);
  const char *s = type == LUA_TSTRING ? lua_tostring(c->L, -1) : NULL;
  lua_pop(c->L, 1);
  return s;
}

/* A whole number in [lo, hi] (no undefined cast of a huge double). */
static int int_field(spec_ctx *c, int t, const char *key, double def, int required, int lo, int hi) {
  double v = num_field(c, t, key, def, required);
  if (!(v >= lo && v <= hi) || v != floor(v)) fail(c, "whole number out of range", key);
  return (int)v;
}

static void set_where(spec_ctx *c, int t) {
  const char *w = str_field(c, t, "where", 0);
  if (w) c->where = w;
}

static int sector_ref(spec_ctx *c, int t, const char *key) {
  double v = num_field(c, t, key, NAN, 1);
  if (!(v >= 1 && v <= c->sc->nsectors) || v != floor(v)) fail(c, "sector index out of range", key);
  return (int)v - 1;
}

static void read_sectors(spec_ctx *c, int spec) {
  ind_err err;
  lua_getfield(c->L, spec, "sectors");
  int t = lua_gettop(c->L);
  for (int i = 0; i < c->sc->nsectors; i++) {
    lua_rawgeti(c->L, t, i + 1);
    int s = lua_gettop(c->L);
    if (ind_scenario_set_sector(c->sc, i, str_field(c, s, "name", 1), str_field(c, s, "title", 0), &err))
      lind_raise(c->L, &err, c->where);
    lua_getfield(c->L, s, "params");
    if (lua_istable(c->L, -1)) {
      lua_pushnil(c->L);
      while (lua_next(c->L, -2)) {
        const char *name = lua_tostring(c->L, -2);
        int p = name ? ind_param_find(name) : -1;
        if (p < 0 || p >= IND_NSECTOR_PARAMS || !lua_isnumber(c->L, -1)) fail(c, "not a per-sector parameter with a number", name ? name : "?");
        *ind_scenario_param(c->sc, i, p) = lua_tonumber(c->L, -1);
        lua_pop(c->L, 1);
      }
    }
    lua_pop(c->L, 2);
  }
  lua_pop(c->L, 1);
}

static void read_shared(spec_ctx *c, int spec) {
  lua_getfield(c->L, spec, "shared");
  if (lua_istable(c->L, -1)) {
    lua_pushnil(c->L);
    while (lua_next(c->L, -2)) {
      const char *name = lua_tostring(c->L, -2);
      int p = name ? ind_param_find(name) : -1;
      if (p < IND_NSECTOR_PARAMS || !lua_isnumber(c->L, -1)) fail(c, "not a shared parameter with a number", name ? name : "?");
      *ind_scenario_param(c->sc, 0, p) = lua_tonumber(c->L, -1);
      lua_pop(c->L, 1);
    }
  }
  lua_pop(c->L, 1);
}

static void read_effects(spec_ctx *c, int pt, ind_policy *p) {
  ind_err err;
  lua_getfield(c->L, pt, "effects");
  int n = lua_istable(c->L, -1) ? (int)luaL_len(c->L, -1) : 0;
  for (int j = 1; j <= n; j++) {
    lua_rawgeti(c->L, -1, j);
    int e = lua_gettop(c->L);
    const char *pname = str_field(c, e, "param", 1), *kind = str_field(c, e, "kind", 1);
    int param = ind_param_find(pname);
    if (param < 0) fail(c, "unknown parameter", pname);
    if (strcmp(kind, "add") != 0 && strcmp(kind, "mul") != 0) fail(c, "effect kind must be 'add' or 'mul'", pname);
    if (ind_policy_add_effect(p, param, kind[0] == 'a' ? IND_EFFECT_ADD : IND_EFFECT_MUL,
                              num_field(c, e, "size", NAN, 1), &err))
      lind_raise(c->L, &err, c->where);
    lua_pop(c->L, 1);
  }
  lua_pop(c->L, 1);
}

static void read_transfers(spec_ctx *c, int pt, ind_policy *p) {
  ind_err err;
  lua_getfield(c->L, pt, "transfers");
  int n = lua_istable(c->L, -1) ? (int)luaL_len(c->L, -1) : 0;
  for (int j = 1; j <= n; j++) {
    lua_rawgeti(c->L, -1, j);
    int t = lua_gettop(c->L);
    if (ind_policy_add_transfer(p, sector_ref(c, t, "src"), sector_ref(c, t, "dst"), num_field(c, t, "rate", NAN, 1), &err))
      lind_raise(c->L, &err, c->where);
    lua_pop(c->L, 1);
  }
  lua_pop(c->L, 1);
}

static uint64_t read_targets(spec_ctx *c, int pt) {
  lua_getfield(c->L, pt, "targets");
  uint64_t mask = 0;
  if (lua_isnil(c->L, -1)) mask = c->sc->nsectors >= 64 ? ~(uint64_t)0 : (((uint64_t)1 << c->sc->nsectors) - 1);
  else {
    int t = lua_gettop(c->L), n = (int)luaL_len(c->L, t);
    for (int j = 1; j <= n; j++) {
      lua_rawgeti(c->L, t, j);
      lua_Integer i = lua_tointeger(c->L, -1);
      if (i < 1 || i > c->sc->nsectors) fail(c, "target sector index out of range", "targets");
      mask |= (uint64_t)1 << (i - 1);
      lua_pop(c->L, 1);
    }
  }
  lua_pop(c->L, 1);
  return mask;
}

static void read_policies(spec_ctx *c, int spec) {
  ind_err err;
  lua_getfield(c->L, spec, "policies");
  int list = lua_gettop(c->L), n = lua_istable(c->L, list) ? (int)luaL_len(c->L, list) : 0;
  for (int k = 1; k <= n; k++) {
    lua_rawgeti(c->L, list, k);
    int pt = lua_gettop(c->L);
    set_where(c, pt);
    ind_policy *p = ind_scenario_add_policy(c->sc, str_field(c, pt, "name", 1), str_field(c, pt, "title", 0), &err);
    if (!p) lind_raise(c->L, &err, c->where);
    lua_getfield(c->L, pt, "is_event");
    p->is_event = lua_toboolean(c->L, -1);
    lua_pop(c->L, 1);
    p->profile.from = num_field(c, pt, "from", NAN, 1);
    p->profile.ramp = num_field(c, pt, "ramp", 0.0, 0);
    p->profile.to = num_field(c, pt, "to", INFINITY, 0);
    p->profile.decay = num_field(c, pt, "decay", 0.0, 0);
    p->strength = num_field(c, pt, "strength", 1.0, 0);
    p->budget = num_field(c, pt, "budget", 0.0, 0);
    p->b50 = num_field(c, pt, "b50", 0.0, 0);
    p->cost = p->is_event ? 0.0 : num_field(c, pt, "cost", 0.0, 0);
    p->targets = read_targets(c, pt);
    read_effects(c, pt, p);
    read_transfers(c, pt, p);
    lua_pop(c->L, 1);
  }
  lua_pop(c->L, 1);
}

static ind_obs_kind obs_kind(spec_ctx *c, const char *s) {
  static const char *const names[] = {"level", "growth", "avg_growth", "period_growth", NULL};
  for (int k = 0; names[k]; k++)
    if (strcmp(s, names[k]) == 0) return (ind_obs_kind)k;
  fail(c, "unknown observation kind", s);
  return IND_OBS_LEVEL;
}

static ind_observation read_obs_item(spec_ctx *c, int t) {
  ind_observation o = {0};
  set_where(c, t);
  o.kind = obs_kind(c, str_field(c, t, "kind", 1));
  lua_getfield(c->L, t, "sector");
  o.sector = lua_isnil(c->L, -1) ? IND_TOTAL : sector_ref(c, t, "sector");
  lua_pop(c->L, 1);
  const char *var = str_field(c, t, "var", 0);
  o.var = var ? ind_var_find(var) : IND_V_PRODUCTION_VALUE;
  o.year0 = int_field(c, t, "year0", NAN, 1, 1000, 3000);
  o.year1 = int_field(c, t, "year1", o.year0, 0, 1000, 3000);
  o.m0 = num_field(c, t, "m0", 0, 0);
  o.m1 = num_field(c, t, "m1", 12, 0);
  o.value = num_field(c, t, "value", NAN, 1);
  o.se = num_field(c, t, "se", NAN, 1);
  o.source = (char *)str_field(c, t, "source", 0); /* anchored in the spec; copied by the core */
  return o;
}

static void read_observations(spec_ctx *c, int spec) {
  ind_err err;
  lua_getfield(c->L, spec, "observations");
  int list = lua_gettop(c->L), n = lua_istable(c->L, list) ? (int)luaL_len(c->L, list) : 0;
  for (int k = 1; k <= n; k++) {
    lua_rawgeti(c->L, list, k);
    ind_observation o = read_obs_item(c, lua_gettop(c->L));
    if (ind_scenario_add_obs(c->sc, &o, &err)) lind_raise(c->L, &err, c->where);
    lua_pop(c->L, 1);
  }
  lua_pop(c->L, 1);
}

int lind_read_observations(lua_State *L, int idx, const ind_scenario *sc, ind_observation *out, int cap) {
  spec_ctx c = {L, (ind_scenario *)sc, NULL};
  idx = lua_absindex(L, idx);
  int n = lua_istable(L, idx) ? (int)luaL_len(L, idx) : 0;
  if (n > cap) lind_error(L, LIND_ERR_SCENARIO, "at most %d plan targets", cap);
  for (int k = 0; k < n; k++) {
    lua_rawgeti(L, idx, k + 1);
    out[k] = read_obs_item(&c, lua_gettop(L));
    out[k].source = NULL;
    lua_pop(L, 1);
  }
  return n;
}

/* One target {kind = "param"|"effect"|"transfer"|"b50", sector, param, policy, effect, transfer}. */
static ind_target read_target(spec_ctx *c, int t) {
  static const char *const kinds[] = {"param", "effect", "transfer", "b50", "budget", "econ", NULL};
  const char *kind = str_field(c, t, "kind", 1);
  int k = 0;
  while (kinds[k] && strcmp(kinds[k], kind) != 0) k++;
  if (!kinds[k]) fail(c, "unknown target kind", kind);
  ind_target tg = {(ind_target_kind)k, 0, 0};
  if (tg.kind == IND_T_ECON) {
    tg.j = int_field(c, t, "econ", NAN, 1, 0, IND_NECON - 1);
  } else if (tg.kind == IND_T_PARAM) {
    const char *pname = str_field(c, t, "param", 1);
    tg.i = int_field(c, t, "sector", 1, 0, 1, IND_MAX_SECTORS) - 1;
    tg.j = ind_param_find(pname);
    if (tg.j < 0) fail(c, "unknown parameter", pname);
  } else {
    tg.i = int_field(c, t, "policy", NAN, 1, 1, c->sc->npolicies) - 1;
    tg.j = tg.kind == IND_T_EFFECT ? int_field(c, t, "effect", NAN, 1, 1, 1 << 20) - 1
         : tg.kind == IND_T_TRANSFER ? int_field(c, t, "transfer", NAN, 1, 1, 1 << 20) - 1 : 0;
  }
  return tg;
}

/* The targets list of the table at idx into a userdata array left on the stack. */
static ind_target *read_targets_list(spec_ctx *c, int idx, int *n) {
  lua_getfield(c->L, idx, "targets");
  int list = lua_gettop(c->L);
  *n = lua_istable(c->L, list) ? (int)luaL_len(c->L, list) : 0;
  ind_target *ts = lua_newuserdatauv(c->L, (size_t)(*n ? *n : 1) * sizeof *ts, 0);
  for (int k = 0; k < *n; k++) {
    lua_rawgeti(c->L, list, k + 1);
    ts[k] = read_target(c, lua_gettop(c->L));
    lua_pop(c->L, 1);
  }
  lua_remove(c->L, list);
  return ts;
}

ind_target *lind_read_targets(lua_State *L, int idx, const ind_scenario *sc, int *n) {
  spec_ctx c = {L, (ind_scenario *)sc, NULL};
  return read_targets_list(&c, lua_absindex(L, idx), n);
}

static void read_uncertain(spec_ctx *c, int spec) {
  ind_err err;
  lua_getfield(c->L, spec, "uncertain");
  int list = lua_gettop(c->L), n = lua_istable(c->L, list) ? (int)luaL_len(c->L, list) : 0;
  for (int k = 1; k <= n; k++) {
    lua_rawgeti(c->L, list, k);
    int u = lua_gettop(c->L), nt;
    const char *key = str_field(c, u, "key", 1);
    ind_dist d;
    lua_getfield(c->L, u, "dist");
    lind_to_dist(c->L, -1, &d);
    lua_pop(c->L, 1);
    ind_target *ts = read_targets_list(c, u, &nt);
    if (ind_scenario_add_uncertain(c->sc, key, ts, nt, &d, &err)) lind_raise(c->L, &err, c->where);
    lua_settop(c->L, list);
  }
  lua_pop(c->L, 1);
}

/* A member of a joint that is not already uncertain becomes one (its
 * distribution is the joint's marginal; only the joint draws it). */
static const char *joint_member(spec_ctx *c, int m, double mean, double var) {
  ind_err err;
  const char *key = str_field(c, m, "key", 1);
  if (ind_scenario_uncertain_index(c->sc, key) < 0) {
    int nt;
    ind_target *ts = read_targets_list(c, m, &nt);
    ind_dist d = {IND_DIST_NORMAL, mean, var > 0 ? sqrt(var) : 1.0, 0, 0, 0, {0}, {0}};
    if (ind_scenario_add_uncertain(c->sc, key, ts, nt, &d, &err)) lind_raise(c->L, &err, c->where);
    lua_pop(c->L, 1);
  }
  return key;
}

static void read_joint(spec_ctx *c, int j) {
  ind_err err;
  set_where(c, j);
  lua_getfield(c->L, j, "members");
  int members = lua_gettop(c->L), n = (int)luaL_len(c->L, members);
  const char **keys = lua_newuserdatauv(c->L, (size_t)(n ? n : 1) * sizeof *keys, 0);
  double *mean = lua_newuserdatauv(c->L, (size_t)(n ? n : 1) * sizeof(double), 0);
  double *cov = lua_newuserdatauv(c->L, (size_t)(n ? n * n : 1) * sizeof(double), 0);
  for (int k = 0; k < n; k++) {
    lua_getfield(c->L, j, "mean");
    lua_rawgeti(c->L, -1, k + 1);
    mean[k] = lua_tonumber(c->L, -1);
    lua_pop(c->L, 2);
  }
  lua_getfield(c->L, j, "cov");
  for (int r = 0; r < n; r++) {
    lua_rawgeti(c->L, -1, r + 1);
    for (int q = 0; q < n; q++) {
      lua_rawgeti(c->L, -1, q + 1);
      cov[r * n + q] = lua_isnumber(c->L, -1) ? lua_tonumber(c->L, -1) : NAN;
      lua_pop(c->L, 1);
    }
    lua_pop(c->L, 1);
  }
  lua_pop(c->L, 1);
  for (int k = 0; k < n; k++) {
    lua_rawgeti(c->L, members, k + 1);
    keys[k] = joint_member(c, lua_gettop(c->L), mean[k], cov[k * n + k]); /* key string anchored in the spec */
    lua_pop(c->L, 1);
  }
  if (ind_scenario_add_joint(c->sc, str_field(c, j, "key", 1), keys, n, mean, cov, &err)) lind_raise(c->L, &err, c->where);
  lua_getfield(c->L, j, "log");
  if (lua_istable(c->L, -1)) {
    unsigned char *flags = lua_newuserdatauv(c->L, (size_t)(n ? n : 1), 0);
    for (int k = 0; k < n; k++) {
      lua_rawgeti(c->L, -2, k + 1);
      flags[k] = lua_isinteger(c->L, -1) ? (unsigned char)lua_tointeger(c->L, -1) : (unsigned char)lua_toboolean(c->L, -1);
      lua_pop(c->L, 1);
    }
    if (ind_scenario_joint_logscale(c->sc, flags, &err)) lind_raise(c->L, &err, c->where);
    lua_pop(c->L, 1);
  }
  lua_pop(c->L, 1);
  lua_getfield(c->L, j, "bounds"); /* {lo, hi} per member (used by logit members) */
  if (lua_istable(c->L, -1)) {
    double *lo = lua_newuserdatauv(c->L, (size_t)(n ? n : 1) * sizeof(double), 0);
    double *hi = lua_newuserdatauv(c->L, (size_t)(n ? n : 1) * sizeof(double), 0);
    for (int k = 0; k < n; k++) {
      lua_rawgeti(c->L, -3, k + 1);
      lo[k] = 0.0;
      hi[k] = 1.0;
      if (lua_istable(c->L, -1)) {
        lua_rawgeti(c->L, -1, 1);
        lua_rawgeti(c->L, -2, 2);
        lo[k] = lua_isnumber(c->L, -2) ? lua_tonumber(c->L, -2) : NAN;
        hi[k] = lua_isnumber(c->L, -1) ? lua_tonumber(c->L, -1) : NAN;
        lua_pop(c->L, 2);
      }
      lua_pop(c->L, 1);
    }
    if (ind_scenario_joint_bounds(c->sc, lo, hi, &err)) lind_raise(c->L, &err, c->where);
    lua_pop(c->L, 2);
  }
  lua_pop(c->L, 1);
  lua_settop(c->L, members - 1);
}

static void read_joints(spec_ctx *c, int spec) {
  lua_getfield(c->L, spec, "joints");
  int list = lua_gettop(c->L), n = lua_istable(c->L, list) ? (int)luaL_len(c->L, list) : 0;
  for (int k = 1; k <= n; k++) {
    lua_rawgeti(c->L, list, k);
    read_joint(c, lua_gettop(c->L));
    lua_settop(c->L, list);
  }
  lua_pop(c->L, 1);
}

static void read_economics(spec_ctx *c, int spec) {
  lua_getfield(c->L, spec, "economics");
  if (lua_istable(c->L, -1)) {
    int t = lua_gettop(c->L);
    ind_econ_params *e = &c->sc->econ;
    for (int j = 0; j < IND_NECON; j++) {
      if (j == IND_E_INVEST_NET) {
        lua_getfield(c->L, t, ind_econ_param_name(j));
        if (lua_isboolean(c->L, -1)) e->v[j] = lua_toboolean(c->L, -1) ? 1.0 : 0.0;
        lua_pop(c->L, 1);
      } else {
        e->v[j] = num_field(c, t, ind_econ_param_name(j), e->v[j], 0);
      }
    }
    e->inflation_until = int_field(c, t, "inflation_until", e->inflation_until, 0, 0, 3000);
    e->base_year = int_field(c, t, "base_year", e->base_year, 0, 0, 3000);
    e->basis_year = int_field(c, t, "basis_year", e->basis_year, 0, 0, 3000);
    e->outflow_sector = int_field(c, t, "profit_sector", e->outflow_sector + 1, 0, 0, IND_MAX_SECTORS) - 1;
  }
  lua_pop(c->L, 1);
}

static void read_solver(spec_ctx *c, int spec) {
  lua_getfield(c->L, spec, "solver");
  if (lua_istable(c->L, -1)) {
    int t = lua_gettop(c->L);
    ind_solver_opts *o = &c->sc->solver;
    const char *m = str_field(c, t, "method", 0);
    if (m) {
      static const char *const names[] = {"rkf45", "rkck", "rk8pd", NULL};
      int k = 0;
      while (names[k] && strcmp(names[k], m) != 0) k++;
      if (!names[k]) fail(c, "method must be rkf45, rkck or rk8pd", "solver.method");
      o->method = (ind_method)k;
    }
    o->rtol = num_field(c, t, "rtol", o->rtol, 0);
    o->atol = num_field(c, t, "atol", o->atol, 0);
    o->h0 = num_field(c, t, "h0", o->h0, 0);
    o->max_steps = int_field(c, t, "max_steps", (double)o->max_steps, 0, 1, 1000000000);
  }
  lua_pop(c->L, 1);
}

static int free_guard(lua_State *L) {
  ind_scenario **slot = lua_touserdata(L, 1);
  ind_scenario_free(*slot);
  *slot = NULL;
  return 0;
}

ind_scenario *lind_to_scenario(lua_State *L, int idx) {
  ind_err err;
  spec_ctx c = {L, NULL, NULL};
  idx = lua_absindex(L, idx);
  luaL_checktype(L, idx, LUA_TTABLE);
  set_where(&c, idx);
  /* A guard userdata frees the half-built scenario if a Lua error unwinds. */
  ind_scenario **slot = lua_newuserdatauv(L, sizeof *slot, 0);
  *slot = NULL;
  lua_newtable(L);
  lua_pushcfunction(L, free_guard);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  lua_getfield(L, idx, "sectors");
  int nsectors = lua_istable(L, -1) ? (int)luaL_len(L, -1) : 0;
  lua_pop(L, 1);
  *slot = c.sc = ind_scenario_new(str_field(&c, idx, "name", 1), int_field(&c, idx, "first_year", NAN, 1, 1000, 3000),
                                  int_field(&c, idx, "last_year", NAN, 1, 1000, 3000), nsectors, &err);
  if (!c.sc) lind_raise(L, &err, c.where);
  if (ind_scenario_set_text(c.sc, str_field(&c, idx, "title", 0), &err)) lind_raise(L, &err, c.where);
  if (ind_scenario_set_basis(c.sc, str_field(&c, idx, "basis", 0), &err)) lind_raise(L, &err, c.where);
  read_sectors(&c, idx);
  read_shared(&c, idx);
  read_solver(&c, idx);
  read_economics(&c, idx);
  read_policies(&c, idx);
  read_observations(&c, idx);
  read_uncertain(&c, idx);
  read_joints(&c, idx);
  if (ind_scenario_apply_medians(c.sc, &err) || ind_scenario_validate(c.sc, &err)) lind_raise(L, &err, c.where);
  *slot = NULL; /* ownership passes to the caller */
  lua_pop(L, 1);
  return c.sc;
}
