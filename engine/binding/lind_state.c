/* lind_state.c — the Lua state of the engine: the standard libraries the
 * engine's own Lua code uses (user files get a narrower environment, built in
 * engine/lua/loader.lua), indsim.core, and a searcher that finds the
 * embedded modules (engine/lua/NAME.lua) as `indsim.<name>`. */
#include <lauxlib.h>
#include <lualib.h>
#include <string.h>

#include "embed.h"
#include "lind.h"

extern const ind_embedded_file ind_embedded_lua[];
extern const ind_embedded_file ind_embedded_scenarios[];

/* package.searchers entry: "indsim.scenario" -> embedded "scenario.lua". */
static int embedded_searcher(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  if (strncmp(name, "indsim.", 7) != 0) {
    lua_pushfstring(L, "\n\tno embedded module '%s'", name);
    return 1;
  }
  char file[128];
  snprintf(file, sizeof file, "%s.lua", name + 7);
  const ind_embedded_file *f = ind_embedded_find(ind_embedded_lua, file);
  if (!f) {
    lua_pushfstring(L, "\n\tno embedded module '%s'", name);
    return 1;
  }
  lua_pushfstring(L, "=indsim/%s", file);
  if (luaL_loadbufferx(L, f->data, f->size, lua_tostring(L, -1), "t") != LUA_OK) return lua_error(L);
  lua_pushstring(L, file);
  return 2;
}

/* core.embedded_scenario(path) -> text or nil: "hanoi/baseline.lua" */
static int embedded_scenario(lua_State *L) {
  const ind_embedded_file *f = ind_embedded_find(ind_embedded_scenarios, luaL_checkstring(L, 1));
  if (f) lua_pushlstring(L, f->data, f->size);
  else lua_pushnil(L);
  return 1;
}

/* require finds only preloaded and embedded modules: nothing on disk (no
 * package.path, no C libraries) can stand in for an engine module. */
static void install_searcher(lua_State *L) {
  lua_getglobal(L, "package");
  lua_pushliteral(L, "");
  lua_setfield(L, -2, "path");
  lua_pushliteral(L, "");
  lua_setfield(L, -2, "cpath");
  lua_getfield(L, -1, "searchers");
  lua_pushcfunction(L, embedded_searcher);
  lua_rawseti(L, -2, 2); /* after package.preload */
  for (lua_Integer i = (lua_Integer)luaL_len(L, -1); i > 2; i--) {
    lua_pushnil(L);
    lua_rawseti(L, -2, i);
  }
  lua_pop(L, 2);
}

static int open_core(lua_State *L) {
  luaopen_indsim_core(L);
  lua_pushcfunction(L, embedded_scenario);
  lua_setfield(L, -2, "embedded_scenario");
  return 1;
}

/* The standard libraries, indsim.core and the embedded searcher on L. */
static lua_State *setup(lua_State *L) {
  static const luaL_Reg libs[] = {
    {LUA_GNAME, luaopen_base}, {LUA_LOADLIBNAME, luaopen_package}, {LUA_TABLIBNAME, luaopen_table},
    {LUA_STRLIBNAME, luaopen_string}, {LUA_MATHLIBNAME, luaopen_math}, {LUA_UTF8LIBNAME, luaopen_utf8},
    {LUA_IOLIBNAME, luaopen_io}, {LUA_OSLIBNAME, luaopen_os}, {LUA_DBLIBNAME, luaopen_debug},
    {LUA_COLIBNAME, luaopen_coroutine}, {NULL, NULL}};
  if (!L) return NULL;
  for (const luaL_Reg *lib = libs; lib->func; lib++) {
    luaL_requiref(L, lib->name, lib->func, 1);
    lua_pop(L, 1);
  }
  luaL_requiref(L, "indsim.core", open_core, 0);
  lua_pop(L, 1);
  install_searcher(L);
  return L;
}

lua_State *lind_state_new(void) { return setup(luaL_newstate()); }

lua_State *lind_state_new_limited(const lind_limits *lim) { return setup(lind_limits_state(lim)); }

void lind_state_close(lua_State *L) {
  if (L) lind_limits_close(L);
}
