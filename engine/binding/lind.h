/* lind.h — the Lua binding of libindsim: the `indsim.core` module (scenario
 * specs to C structs, runs, outputs) and the Lua state the CLI drives. The
 * pure-Lua half of the API lives in engine/lua/ and is embedded. */
#ifndef LIND_H
#define LIND_H

#include <lua.h>

#include "ind_plot.h"
#include "ind_ensemble.h"
#include "ind_run.h"

/* Error kinds carried by the error objects the binding raises; the CLI maps
 * them to exit codes (docs/lua-api.md). */
#define LIND_ERR_USAGE "usage"
#define LIND_ERR_SCENARIO "scenario"
#define LIND_ERR_NUMERIC "numeric"
#define LIND_ERR_IO "io"
#define LIND_ERR_INTERNAL "internal"

/* Raises an error object {kind = kind, message = msg}; never returns. */
int lind_error(lua_State *L, const char *kind, const char *fmt, ...);
/* Raises the error of a failed core call, kind chosen from its status. */
int lind_raise(lua_State *L, const ind_err *err, const char *context);

/* A distribution table {kind, a, b, c, d, values, probs} at idx. */
void lind_to_dist(lua_State *L, int idx, ind_dist *d);
void lind_open_dist(lua_State *L);

/* Scenario spec table at idx → a new ind_scenario (raises on a bad spec). */
ind_scenario *lind_to_scenario(lua_State *L, int idx);

/* Observation specs (the list at idx) for scenario sc into out (at most cap);
 * returns how many. Their source fields are left NULL. */
int lind_read_observations(lua_State *L, int idx, const ind_scenario *sc, ind_observation *out, int cap);
void lind_open_ensemble(lua_State *L);
void lind_open_calib(lua_State *L);
void lind_open_econ(lua_State *L);
void lind_open_sens(lua_State *L);
/* The statistics table {n, mean, sd, q05, ..., q95} of st, pushed. */
/* A number, or nil for NaN (no value); and the same as field k of the table on top. */
void lind_push_number(lua_State *L, double v);
void lind_set_number(lua_State *L, const char *k, double v);
void lind_push_stats(lua_State *L, const ind_stats *st);
/* Sets label (English, as files have it) and label_vi on the table on top of
 * the stack: an observation's or target's description (ind_obs_label). */
void lind_set_obs_labels(lua_State *L, const ind_observation *o, const ind_scenario *sc);
/* The "targets" list of the table at idx (target specs of scenario sc) into an
 * array held by a userdata pushed on the stack; *n is set to its length. */
ind_target *lind_read_targets(lua_State *L, int idx, const ind_scenario *sc, int *n);
void lind_open_util(lua_State *L);

/* Results: userdata owning a scenario and its result. */
void lind_push_result(lua_State *L, ind_scenario *sc, ind_result *r);
typedef struct lind_result {
  ind_scenario *sc;
  ind_result *r;
} lind_result;
lind_result *lind_check_result(lua_State *L, int idx);
void lind_open_result(lua_State *L);

/* CSV writer flags from the optional boolean at idx (true: IND_WRITE_BOM). */
int lind_csv_flags(lua_State *L, int idx);

/* Plot options from the table at idx (format, lang, template_dir, gnuplot;
 * anything else, or no table: the defaults). The table keeps the strings alive. */
ind_plot_opts lind_plot_opts(lua_State *L, int idx);
/* A plot's outcome: pushes true; nil, message when gnuplot is missing or
 * failed (IND_EEXTERNAL); other failures (writing the script) raise. */
int lind_plot_result(lua_State *L, ind_status st, const ind_err *err);

int luaopen_indsim_core(lua_State *L);

/* Arguments naming an output variable, or a sector of sc ("total" default). */
int lind_var_arg(lua_State *L, int idx);
int lind_sector_arg(lua_State *L, const ind_scenario *sc, int idx);

/* luaL_checkinteger within [lo, hi] (an argument error otherwise). */
int lind_check_int(lua_State *L, int idx, int lo, int hi);

/* Registers metatable `name` for a userdata class: the metamethods in meta,
 * __metatable = false, and __index = index with the methods table as its
 * upvalue (index serves fields, then looks methods up there). */
void lind_new_class(lua_State *L, const char *name, const luaL_Reg *meta, const luaL_Reg *methods,
                    lua_CFunction index);

/* A state with the standard libraries the engine needs, `indsim.core`
 * preloaded and the embedded Lua modules reachable by require. */
lua_State *lind_state_new(void);

/* Limits on the work of user files (lind_limits.c); 0: none. */
typedef struct lind_limits {
  long long max_instructions; /* Lua instructions run by user files */
  double max_seconds;         /* wall-clock seconds of their own work (the engine's excluded) */
  size_t max_bytes;           /* Lua heap */
} lind_limits;
#define LIND_EXIT_SCENARIO 3  /* the exit code when the watchdog must end a stuck process */

/* lind_state_new with the limits guarding it; close it with lind_state_close. */
lua_State *lind_state_new_limited(const lind_limits *lim);
void lind_state_close(lua_State *L);
/* For lind_state.c: a bare state carrying the guard, and its end. */
lua_State *lind_limits_state(const lind_limits *lim);
void lind_limits_close(lua_State *L);
void lind_open_limits(lua_State *L);

#endif
