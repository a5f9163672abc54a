/* lind_input.c — reading the files users write, from Lua:
 *
 *   core.read_csv(path [, { comments = true }])
 *     -> { header = { "kind", ... }, rows = { { "growth", ... }, ... },
 *          header_line = 1, lines = { 2, ... }, sha256 = "..." }
 *
 * rows holds the records after the header, each a list of strings ("" for an
 * empty field); lines[i] is the line of the file on which rows[i] starts;
 * sha256 is the hash of the bytes parsed (for the run manifest). The dialect
 * and its checks are engine/input/ind_csvread.h's. A malformed file raises a
 * "scenario" error "path:line:column: what", a file that cannot be read an
 * "io" error. The parsed table lives in a userdata until it is copied into
 * Lua, so an error on the way (memory) frees it through __gc. */
#include <lauxlib.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

#include "ind_csvread.h"
#include "lind.h"

void lind_open_input(lua_State *L);

#define CSV_BOX "indsim.csvread"

typedef struct csv_box {
  char *text;
  ind_csv_rows rows;
} csv_box;

static int box_free(lua_State *L) {
  csv_box *b = luaL_checkudata(L, 1, CSV_BOX);
  free(b->text);
  b->text = NULL;
  ind_csv_rows_free(&b->rows);
  return 0;
}

static csv_box *push_box(lua_State *L) {
  csv_box *b = lua_newuserdatauv(L, sizeof *b, 0);
  memset(b, 0, sizeof *b);
  if (luaL_newmetatable(L, CSV_BOX)) {
    lua_pushcfunction(L, box_free);
    lua_setfield(L, -2, "__gc");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
  }
  lua_setmetatable(L, -2);
  return b;
}

static int read_flags(lua_State *L, int idx) {
  int flags = 0;
  if (lua_isnoneornil(L, idx)) return 0;
  luaL_checktype(L, idx, LUA_TTABLE);
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    if (lua_type(L, -2) != LUA_TSTRING || strcmp(lua_tostring(L, -2), "comments") != 0)
      lind_error(L, LIND_ERR_USAGE, "read_csv: unknown option (the options: comments)");
    if (lua_toboolean(L, -1)) flags |= IND_CSV_COMMENTS;
    lua_pop(L, 1);
  }
  return flags;
}

static void push_row(lua_State *L, const ind_csv_rows *t, int row) {
  lua_createtable(L, t->ncols, 0);
  for (int j = 0; j < t->ncols; j++) {
    lua_pushstring(L, ind_csv_get(t, row, j));
    lua_rawseti(L, -2, j + 1);
  }
}

static void push_sha256(lua_State *L, const char *text, size_t len) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  char hex[2 * EVP_MAX_MD_SIZE + 1];
  if (!EVP_Digest(text, len, md, &n, EVP_sha256(), NULL)) lind_error(L, LIND_ERR_INTERNAL, "SHA-256 failed");
  for (unsigned int i = 0; i < n; i++) snprintf(hex + 2 * i, 3, "%02x", md[i]);
  lua_pushlstring(L, hex, 2 * (size_t)n);
}

/* core.read_csv(path [, opts]) -> the table above */
static int in_read_csv(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  int flags = read_flags(L, 2);
  csv_box *b = push_box(L);
  ind_err err;
  size_t len;
  if (ind_csv_slurp(path, &b->text, &len, &err) || ind_csv_parse(b->text, len, path, flags, &b->rows, &err))
    return lind_raise(L, &err, NULL);
  const ind_csv_rows *t = &b->rows;
  lua_createtable(L, 0, 5);
  push_row(L, t, 0);
  lua_setfield(L, -2, "header");
  lua_pushinteger(L, t->lines[0]);
  lua_setfield(L, -2, "header_line");
  lua_createtable(L, t->nrows - 1, 0);
  lua_createtable(L, t->nrows - 1, 0);
  for (int i = 1; i < t->nrows; i++) {
    push_row(L, t, i);
    lua_rawseti(L, -3, i);
    lua_pushinteger(L, t->lines[i]);
    lua_rawseti(L, -2, i);
  }
  lua_setfield(L, -3, "lines");
  lua_setfield(L, -2, "rows");
  push_sha256(L, b->text, len);
  lua_setfield(L, -2, "sha256");
  free(b->text); /* now, not at the next collection */
  b->text = NULL;
  ind_csv_rows_free(&b->rows);
  return 1;
}

static const luaL_Reg input_funcs[] = {
  {"read_csv", in_read_csv},
  {NULL, NULL},
};

void lind_open_input(lua_State *L) { luaL_setfuncs(L, input_funcs, 0); }
