/* lind_dist.c — distributions between Lua and C: a Lua table {kind = ,
 * a = , b = , c = , d = , values = , probs = } to an ind_dist, the checks and
 * medians the scenario language asks for, and the uncertain numbers and
 * joint normals of a scenario spec. */
#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lind.h"

static const char *const kinds[] = {"normal", "lognormal", "uniform", "triangular", "beta", "choice", NULL};

static double field(lua_State *L, int t, const char *k, double def) {
  lua_getfield(L, t, k);
  double v = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : def;
  lua_pop(L, 1);
  return v;
}

static void number_array(lua_State *L, int t, const char *k, double *out, int *n) {
  lua_getfield(L, t, k);
  int len = lua_istable(L, -1) ? (int)luaL_len(L, -1) : 0;
  if (len > IND_DIST_MAX_CHOICES) lind_error(L, LIND_ERR_SCENARIO, "a choice has at most %d values", IND_DIST_MAX_CHOICES);
  for (int i = 0; i < len; i++) {
    lua_rawgeti(L, -1, i + 1);
    out[i] = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : NAN;
    lua_pop(L, 1);
  }
  *n = len;
  lua_pop(L, 1);
}

void lind_to_dist(lua_State *L, int idx, ind_dist *d) {
  idx = lua_absindex(L, idx);
  luaL_checktype(L, idx, LUA_TTABLE);
  memset(d, 0, sizeof *d);
  lua_getfield(L, idx, "kind");
  const char *kind = lua_tostring(L, -1);
  int k = 0;
  while (kind && kinds[k] && strcmp(kinds[k], kind) != 0) k++;
  if (!kind || !kinds[k]) lind_error(L, LIND_ERR_SCENARIO, "unknown distribution '%s'", kind ? kind : "?");
  lua_pop(L, 1);
  d->kind = (ind_dist_kind)k;
  d->a = field(L, idx, "a", NAN);
  d->b = field(L, idx, "b", NAN);
  d->c = field(L, idx, "c", NAN);
  d->d = field(L, idx, "d", NAN);
  if (d->kind == IND_DIST_CHOICE) {
    int np;
    number_array(L, idx, "values", d->values, &d->n);
    number_array(L, idx, "probs", d->probs, &np);
    if (np != d->n) lind_error(L, LIND_ERR_SCENARIO, "a choice needs one probability per value");
  }
}

static ind_dist checked(lua_State *L, int idx) {
  ind_dist d;
  lind_to_dist(L, idx, &d);
  const char *bad = ind_dist_check(&d);
  if (bad) lind_error(L, LIND_ERR_SCENARIO, "%s", bad);
  return d;
}

/* core.dist_check(d): raises if the parameters are invalid */
static int dist_check(lua_State *L) {
  checked(L, 1);
  return 0;
}

/* core.dist_median(d) */
static int dist_median(lua_State *L) {
  ind_dist d = checked(L, 1);
  lua_pushnumber(L, ind_dist_median(&d));
  return 1;
}

/* core.dist_describe(d) */
static int dist_describe(lua_State *L) {
  ind_dist d = checked(L, 1);
  char buf[96];
  lua_pushstring(L, ind_dist_describe(&d, buf, sizeof buf));
  return 1;
}

/* Reads an n × n matrix of rows at idx into out. */
static void read_matrix(lua_State *L, int idx, int n, double *out) {
  for (int r = 0; r < n; r++) {
    lua_rawgeti(L, idx, r + 1);
    for (int c = 0; c < n; c++) {
      lua_rawgeti(L, -1, c + 1);
      out[r * n + c] = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : NAN;
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
}

/* core.joint_check{mean = , cov = }: raises unless the covariance is symmetric positive definite */
static int joint_check(lua_State *L) {
  ind_err err;
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_getfield(L, 1, "mean");
  int n = (int)luaL_len(L, -1);
  double *mean = lua_newuserdatauv(L, (size_t)(n ? n : 1) * sizeof(double), 0);
  double *cov = lua_newuserdatauv(L, (size_t)(n ? n * n : 1) * sizeof(double), 0);
  for (int i = 0; i < n; i++) {
    lua_rawgeti(L, -3, i + 1);
    mean[i] = lua_tonumber(L, -1);
    lua_pop(L, 1);
  }
  lua_getfield(L, 1, "cov");
  read_matrix(L, lua_gettop(L), n, cov);
  /* a throw-away one-sector scenario holds the joint while it is checked */
  ind_scenario *sc = ind_scenario_new("check", 2000, 2000, 1, &err);
  if (!sc) return lind_raise(L, &err, NULL);
  ind_status st = IND_OK;
  const char **keys = calloc((size_t)(n ? n : 1), sizeof *keys);
  char (*names)[16] = calloc((size_t)(n ? n : 1), sizeof *names);
  for (int i = 0; i < n && !st && keys && names; i++) {
    ind_target t = {IND_T_PARAM, 0, IND_P_G};
    ind_dist d = {IND_DIST_NORMAL, 0, 1, 0, 0, 0, {0}, {0}};
    snprintf(names[i], sizeof names[i], "x%d", i + 1);
    keys[i] = names[i];
    st = ind_scenario_add_uncertain(sc, names[i], &t, 1, &d, &err);
  }
  if (!keys || !names) st = ind_err_set(&err, IND_ENOMEM, "out of memory");
  if (!st) st = ind_scenario_add_joint(sc, "joint", keys, n, mean, cov, &err);
  free(keys);
  free(names);
  ind_scenario_free(sc);
  if (st) return lind_raise(L, &err, NULL);
  return 0;
}

static const luaL_Reg dist_funcs[] = {
  {"dist_check", dist_check},
  {"dist_median", dist_median},
  {"dist_describe", dist_describe},
  {"joint_check", joint_check},
  {NULL, NULL},
};

void lind_open_dist(lua_State *L) { luaL_setfuncs(L, dist_funcs, 0); }
