/* lind_output.c — the output layer from Lua: folders, CSV files, text tables
 * and plots. Failures to write raise "io" errors; a missing or failing gnuplot
 * is an expected run-time failure and returns nil, message. */
#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#include "ind_csv.h"
#include "ind_fsout.h"
#include "lind.h"

void lind_open_output(lua_State *L);

/* core.safe_name(name) -> a folder name without '/', never empty */
static int out_safe_name(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  size_t n = strlen(name) * 3 + 16; /* '%' becomes "pct" */
  char *buf = malloc(n);
  if (!buf) return luaL_error(L, "out of memory");
  lua_pushstring(L, ind_file_safe_name(name, buf, n));
  free(buf);
  return 1;
}

/* core.mkdir(dir): like mkdir -p */
static int out_mkdir(lua_State *L) {
  ind_err err;
  if (ind_mkdir_p(luaL_checkstring(L, 1), &err)) return lind_raise(L, &err, NULL);
  return 0;
}

static const char *join(lua_State *L, const char *dir, const char *file) {
  return lua_pushfstring(L, "%s/%s", dir, file);
}

/* core.write_csv(result, dir): dir/annual.csv and dir/fit.csv */
static int out_write_csv(lua_State *L) {
  ind_err err;
  lind_result *u = lind_check_result(L, 1);
  const char *dir = luaL_checkstring(L, 2);
  if (ind_csv_write_annual(join(L, dir, "annual.csv"), u->sc, u->r, &err)) return lind_raise(L, &err, NULL);
  if (u->sc->nobs && ind_csv_write_fit(join(L, dir, "fit.csv"), u->sc, u->r, &err)) return lind_raise(L, &err, NULL);
  return 0;
}

static const luaL_Reg output_funcs[] = {
  {"safe_name", out_safe_name},
  {"mkdir", out_mkdir},
  {"write_csv", out_write_csv},
  {NULL, NULL},
};

void lind_open_output(lua_State *L) { luaL_setfuncs(L, output_funcs, 0); }
