/* lind_util.c — small services the Lua side needs from libraries: SHA-256
 * (OpenSSL's libcrypto) for the run manifest's file hashes, JSON (Jansson)
 * to write and read manifests, and writing a text file atomically. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <gsl/gsl_multimin.h>
#include <jansson.h>
#include <lauxlib.h>
#include <openssl/evp.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>

#include "ind_fsout.h"
#include "lind.h"

/* core.sha256(text) -> 64 hex digits */
static int util_sha256(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!EVP_Digest(s, n, md, &len, EVP_sha256(), NULL)) return lind_error(L, LIND_ERR_INTERNAL, "SHA-256 failed");
  char hex[2 * EVP_MAX_MD_SIZE + 1];
  for (unsigned int i = 0; i < len; i++) snprintf(hex + 2 * i, 3, "%02x", md[i]);
  lua_pushlstring(L, hex, 2 * (size_t)len);
  return 1;
}

static json_t *to_json(lua_State *L, int idx, int depth);

/* A table is an array when its keys are exactly 1..n (n >= 1), else an object. */
static int is_array(lua_State *L, int idx) {
  lua_Integer n = (lua_Integer)lua_rawlen(L, idx), count = 0;
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    count++;
    lua_pop(L, 1);
  }
  return n > 0 && count == n;
}

static json_t *table_to_json(lua_State *L, int idx, int depth) {
  json_t *out;
  if (is_array(L, idx)) {
    out = json_array();
    for (lua_Integer i = 1; i <= (lua_Integer)lua_rawlen(L, idx); i++) {
      lua_rawgeti(L, idx, i);
      json_array_append_new(out, to_json(L, lua_gettop(L), depth + 1));
      lua_pop(L, 1);
    }
    return out;
  }
  out = json_object();
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    if (lua_type(L, -2) != LUA_TSTRING) {
      json_decref(out);
      lind_error(L, LIND_ERR_INTERNAL, "JSON object keys must be strings");
    }
    json_object_set_new(out, lua_tostring(L, -2), to_json(L, lua_gettop(L), depth + 1));
    lua_pop(L, 1);
  }
  return out;
}

static json_t *to_json(lua_State *L, int idx, int depth) {
  if (depth > 64) lind_error(L, LIND_ERR_INTERNAL, "JSON nesting too deep");
  switch (lua_type(L, idx)) {
  case LUA_TNIL: return json_null();
  case LUA_TBOOLEAN: return json_boolean(lua_toboolean(L, idx));
  case LUA_TNUMBER:
    return lua_isinteger(L, idx) ? json_integer((json_int_t)lua_tointeger(L, idx)) : json_real(lua_tonumber(L, idx));
  case LUA_TSTRING: return json_stringn(lua_tostring(L, idx), lua_rawlen(L, idx));
  case LUA_TTABLE: return table_to_json(L, idx, depth);
  default: lind_error(L, LIND_ERR_INTERNAL, "cannot write a %s as JSON", luaL_typename(L, idx));
  }
  return NULL;
}

/* core.json_encode(value) -> text, keys sorted, indented */
static int util_json_encode(lua_State *L) {
  luaL_checkany(L, 1);
  json_t *j = to_json(L, 1, 0);
  char *s = json_dumps(j, JSON_INDENT(2) | JSON_SORT_KEYS | JSON_ENCODE_ANY | JSON_REAL_PRECISION(17));
  json_decref(j);
  if (!s) return lind_error(L, LIND_ERR_INTERNAL, "JSON encoding failed");
  lua_pushstring(L, s);
  lua_pushliteral(L, "\n");
  lua_concat(L, 2);
  free(s);
  return 1;
}

static void push_json(lua_State *L, json_t *j, int depth) {
  luaL_checkstack(L, 4, "JSON nesting");
  if (depth > 64) lind_error(L, LIND_ERR_IO, "JSON nesting too deep");
  switch (json_typeof(j)) {
  case JSON_OBJECT: {
    const char *key;
    json_t *v;
    lua_newtable(L);
    json_object_foreach(j, key, v) {
      push_json(L, v, depth + 1);
      lua_setfield(L, -2, key);
    }
    break;
  }
  case JSON_ARRAY:
    lua_createtable(L, (int)json_array_size(j), 0);
    for (size_t i = 0; i < json_array_size(j); i++) {
      push_json(L, json_array_get(j, i), depth + 1);
      lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    break;
  case JSON_STRING: lua_pushlstring(L, json_string_value(j), json_string_length(j)); break;
  case JSON_INTEGER: lua_pushinteger(L, (lua_Integer)json_integer_value(j)); break;
  case JSON_REAL: lua_pushnumber(L, json_real_value(j)); break;
  case JSON_TRUE: lua_pushboolean(L, 1); break;
  case JSON_FALSE: lua_pushboolean(L, 0); break;
  case JSON_NULL: lua_pushnil(L); break;
  }
}

/* core.json_decode(text) -> value; raises an "io" error naming the line */
static int util_json_decode(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  json_error_t e;
  json_t *j = json_loadb(s, n, JSON_DECODE_ANY, &e);
  if (!j) return lind_error(L, LIND_ERR_IO, "not valid JSON (line %d: %s)", e.line, e.text);
  push_json(L, j, 0);
  json_decref(j);
  return 1;
}

typedef struct text_job {
  const char *s;
  size_t n;
} text_job;

static ind_status write_text(FILE *f, const void *ud, ind_err *err) {
  const text_job *t = ud;
  (void)err;
  fwrite(t->s, 1, t->n, f);
  return IND_OK;
}

/* core.write_text(path, text): written to a temporary name, then renamed */
static int util_write_text(lua_State *L) {
  ind_err err;
  text_job t;
  const char *path = luaL_checkstring(L, 1);
  t.s = luaL_checklstring(L, 2, &t.n);
  if (ind_write_file(path, write_text, &t, 0, &err)) return lind_raise(L, &err, NULL);
  return 0;
}

/* core.realpath(path) -> the absolute path with no symbolic link, or nil, message */
static int util_realpath(lua_State *L) {
  char *r = realpath(luaL_checkstring(L, 1), NULL);
  if (!r) {
    lua_pushnil(L);
    lua_pushstring(L, strerror(errno));
    return 2;
  }
  lua_pushstring(L, r);
  free(r);
  return 1;
}

/* core.chdir(dir): for indsim rerun, which repeats a run from its folder */
static int util_chdir(lua_State *L) {
  const char *dir = luaL_checkstring(L, 1);
  if (chdir(dir) != 0) return lind_error(L, LIND_ERR_IO, "cannot change to folder '%s': %s", dir, strerror(errno));
  return 0;
}

/* core.minimize(f, x0, step [, {max_iter, tol}]) -> x, f(x), iterations, converged
 * (the simplex smaller than tol before max_iter iterations):
 * GSL's Nelder–Mead simplex (nmsimplex2) on a Lua function of a list of
 * numbers. The minimizer and the start vectors are held by a userdata, so an
 * error raised by f (which unwinds through GSL, even inside
 * gsl_multimin_fminimizer_set) cannot leak them. */
typedef struct min_ctx {
  lua_State *L;
  int fn;                      /* stack index of f */
  gsl_multimin_fminimizer *m;
  gsl_vector *x0, *step;
} min_ctx;

static double min_call(const gsl_vector *x, void *ud) {
  min_ctx *c = ud;
  lua_pushvalue(c->L, c->fn);
  lua_createtable(c->L, (int)x->size, 0);
  for (size_t i = 0; i < x->size; i++) {
    lua_pushnumber(c->L, gsl_vector_get(x, i));
    lua_rawseti(c->L, -2, (lua_Integer)i + 1);
  }
  lua_call(c->L, 1, 1);
  double v = lua_isnumber(c->L, -1) ? lua_tonumber(c->L, -1) : NAN;
  lua_pop(c->L, 1);
  return isfinite(v) ? v : GSL_POSINF; /* a point the objective refuses */
}

static int min_gc(lua_State *L) {
  min_ctx *c = lua_touserdata(L, 1);
  if (c->m) gsl_multimin_fminimizer_free(c->m);
  if (c->x0) gsl_vector_free(c->x0);
  if (c->step) gsl_vector_free(c->step);
  c->m = NULL;
  c->x0 = c->step = NULL;
  return 0;
}

static gsl_vector *number_vector(lua_State *L, int idx, size_t n, const char *what) {
  gsl_vector *v = gsl_vector_alloc(n);
  if (!v) lind_error(L, LIND_ERR_INTERNAL, "out of memory");
  for (size_t i = 0; i < n; i++) {
    lua_rawgeti(L, idx, (lua_Integer)i + 1);
    double x = lua_tonumber(L, -1);
    lua_pop(L, 1);
    if (!isfinite(x)) {
      gsl_vector_free(v);
      lind_error(L, LIND_ERR_SCENARIO, "minimize: %s %d is not a finite number", what, (int)i + 1);
    }
    gsl_vector_set(v, i, x);
  }
  return v;
}

static int util_minimize(lua_State *L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  luaL_checktype(L, 2, LUA_TTABLE);
  luaL_checktype(L, 3, LUA_TTABLE);
  size_t n = lua_rawlen(L, 2);
  if (n < 1 || lua_rawlen(L, 3) != n) return lind_error(L, LIND_ERR_SCENARIO, "minimize: x0 and step need the same length >= 1");
  int max_iter = 500;
  double tol = 1e-6;
  if (lua_istable(L, 4)) {
    lua_getfield(L, 4, "max_iter");
    if (lua_isinteger(L, -1)) max_iter = (int)lua_tointeger(L, -1);
    lua_getfield(L, 4, "tol");
    if (lua_isnumber(L, -1)) tol = lua_tonumber(L, -1);
    lua_pop(L, 2);
  }
  min_ctx *c = lua_newuserdatauv(L, sizeof *c, 0);
  c->L = L;
  c->fn = 1;
  c->m = NULL;
  c->x0 = c->step = NULL;
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, min_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  c->m = gsl_multimin_fminimizer_alloc(gsl_multimin_fminimizer_nmsimplex2, n);
  if (!c->m) return lind_error(L, LIND_ERR_INTERNAL, "out of memory");
  c->x0 = number_vector(L, 2, n, "x0");
  c->step = number_vector(L, 3, n, "step");
  gsl_multimin_function fn = {min_call, n, c};
  int status = gsl_multimin_fminimizer_set(c->m, &fn, c->x0, c->step); /* f may raise here */
  int it = 0, converged = 0;
  while (status == GSL_SUCCESS && it < max_iter) {
    it++;
    status = gsl_multimin_fminimizer_iterate(c->m);
    if (status) break;
    converged = gsl_multimin_test_size(gsl_multimin_fminimizer_size(c->m), tol) == GSL_SUCCESS;
    if (converged) break;
  }
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    lua_pushnumber(L, gsl_vector_get(gsl_multimin_fminimizer_x(c->m), i));
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_pushnumber(L, gsl_multimin_fminimizer_minimum(c->m));
  lua_pushinteger(L, it);
  lua_pushboolean(L, converged);
  return 4;
}

static const luaL_Reg util_funcs[] = {
  {"minimize", util_minimize},
  {"chdir", util_chdir},
  {"realpath", util_realpath},
  {"sha256", util_sha256},
  {"json_encode", util_json_encode},
  {"json_decode", util_json_decode},
  {"write_text", util_write_text},
  {NULL, NULL},
};

void lind_open_util(lua_State *L) { luaL_setfuncs(L, util_funcs, 0); }
