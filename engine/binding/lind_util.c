/* lind_util.c — small services the Lua side needs from libraries: SHA-256
 * (OpenSSL's libcrypto) for the run manifest's file hashes, JSON (Jansson)
 * to write and read manifests, and writing a text file atomically. */
#include <jansson.h>
#include <lauxlib.h>
#include <openssl/evp.h>
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

/* core.chdir(dir): for indsim rerun, which repeats a run from its folder */
static int util_chdir(lua_State *L) {
  const char *dir = luaL_checkstring(L, 1);
  if (chdir(dir) != 0) return lind_error(L, LIND_ERR_IO, "cannot change to folder '%s': %s", dir, strerror(errno));
  return 0;
}

static const luaL_Reg util_funcs[] = {
  {"chdir", util_chdir},
  {"sha256", util_sha256},
  {"json_encode", util_json_encode},
  {"json_decode", util_json_decode},
  {"write_text", util_write_text},
  {NULL, NULL},
};

void lind_open_util(lua_State *L) { luaL_setfuncs(L, util_funcs, 0); }
