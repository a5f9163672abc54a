/* fuzz_scenario.c — libFuzzer target: the input is the text of a scenario
 * file, checked the way `indsim check FILE` does it. Each input gets a fresh
 * Lua state from lind_state_new(); the text is written to FILE and handed to
 * the `check` command of engine/lua/cli.lua (the loader runs it in the
 * sandbox; every scenario it returns is validated and its assumption register
 * built). Errors of the scenario are fine; crashes, leaks and undefined
 * behaviour are not.
 *
 * Guards of this target alone (not the engine's own limits):
 *  - inputs over FUZZ_MAX_INPUT bytes are skipped;
 *  - a count hook raises an error after FUZZ_MAX_INSTRUCTIONS Lua VM
 *    instructions (`while true do end`);
 *  - the Lua allocator refuses to grow the state past FUZZ_MAX_LUA_BYTES
 *    (`string.rep("x", 1e12)` gets "not enough memory");
 *  - the analyses that run the model many times in C, where the hook cannot
 *    stop them, get small sizes (draws, samples, iterations; see clamp() in
 *    the driver below); `check` runs with -n 16, --threads 1, --no-plots,
 *    --quiet and --out in a private temporary folder; what it and the file
 *    print goes nowhere.
 *
 * Environment: FUZZ_SCENARIO_VERBOSE=1 prints each input's outcome and the
 * instructions it used (to see what a corpus file reaches);
 * FUZZ_SCENARIO_MAX_INSTRUCTIONS=N changes the instruction budget. */
#include <dirent.h>
#include <gsl/gsl_errno.h>
#include <lauxlib.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lind.h"

#define FUZZ_MAX_INPUT (64 * 1024)
#define FUZZ_MAX_INSTRUCTIONS 1000000L
#define FUZZ_HOOK_EVERY 1000
#define FUZZ_MAX_LUA_BYTES ((size_t)256 << 20)

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Runs in the fresh state with (input path, output folder); prepares the
 * limits and returns the function that does `indsim check FILE`. */
static const char driver[] =
  "local path, out = ...\n"
  "local cli = require 'indsim.cli'\n"
  "local exports = require 'indsim.prelude'\n"
  "local api = require 'indsim.api'\n"
  "local analysis = require 'indsim.analysis'\n"
  "local calibrate = require 'indsim.calibrate'\n"
  "-- the register check prints, its summary line and warnings: nowhere\n"
  "local null = assert(io.open('/dev/null', 'w'))\n"
  "io.output(null)\n"
  "io.stderr = null\n"
  "-- print writes to the C stdout: the same, its arguments still converted\n"
  "print = function(...) for i = 1, select('#', ...) do tostring((select(i, ...))) end end\n"
  "-- options table `opts` with every limited number at most max (at least min),\n"
  "-- a missing one set to default: a copy, the caller's table untouched\n"
  "local function clamp(opts, limits)\n"
  "  if type(opts) ~= 'table' then return opts end\n"
  "  local o = {}\n"
  "  for k, v in next, opts do o[k] = v end\n"
  "  for k, lim in pairs(limits) do\n"
  "    local v = o[k]\n"
  "    if v == nil then o[k] = lim.default\n"
  "    elseif type(v) == 'number' and lim.max and v > lim.max then\n"
  "      o[k] = math.type(v) == 'float' and lim.max + 0.0 or lim.max\n"
  "    elseif type(v) == 'number' and lim.min and v < lim.min then o[k] = lim.min end\n"
  "  end\n"
  "  return o\n"
  "end\n"
  "local function limit(mod, name, pos, limits)\n"
  "  local f = mod[name]\n"
  "  local function g(...)\n"
  "    local args = table.pack(...)\n"
  "    if pos > 1 and args[pos] == nil then args[pos] = {} end\n"
  "    args[pos] = clamp(args[pos], limits)\n"
  "    return f(table.unpack(args, 1, math.max(args.n, pos)))\n"
  "  end\n"
  "  mod[name] = g\n"
  "  if exports[name] == f then exports[name] = g end\n"
  "end\n"
  "limit(api, 'ensemble', 2, { n = { max = 16 }, threads = { max = 2 } })\n"
  "limit(analysis, 'sensitivity', 2, { n = { max = 16, default = 16 }, nboot = { max = 20, default = 20 } })\n"
  "limit(analysis, 'attribution', 2, { samples = { max = 32, default = 32 } })\n"
  "limit(analysis, 'optimize_split', 1, { n = { max = 16, default = 16 }, grid = { max = 4 },\n"
  "                                      max_iter = { max = 20, default = 20 } })\n"
  "limit(analysis, 'budget_for_target', 1, { n = { max = 16, default = 16 }, tol = { min = 1 } })\n"
  "limit(calibrate, 'calibrate', 2, { max_iter = { max = 5, default = 5 } })\n"
  "return function()\n"
  "  return cli.check { files = { path }, paths = {}, quiet = true, no_plots = true, out = out,\n"
  "                     n = '16', threads = '1', gnuplot = '/nonexistent/gnuplot' }\n"
  "end\n";

static char work_dir[256];   /* private temporary folder of this process ($TMPDIR) */
static char input_path[300]; /* the input, as a file for `check` */
static char out_dir[300];    /* --out */
static long max_instructions = FUZZ_MAX_INSTRUCTIONS;
static int verbose;

/* ---- the instruction budget --------------------------------------------- */

static long budget; /* instructions left for this input */

static void count_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  budget -= FUZZ_HOOK_EVERY;
  if (budget < 0) luaL_error(L, "fuzz_scenario: more than %d Lua instructions", (int)max_instructions);
}

/* ---- the memory cap ----------------------------------------------------- */

typedef struct mem_cap {
  lua_Alloc f;
  void *ud;
  size_t used, peak;
} mem_cap;

static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  mem_cap *m = ud;
  size_t old = ptr ? osize : 0;
  if (nsize > old && nsize - old > FUZZ_MAX_LUA_BYTES - (m->used < FUZZ_MAX_LUA_BYTES ? m->used : FUZZ_MAX_LUA_BYTES))
    return NULL; /* Lua collects and retries, then raises "not enough memory" */
  void *p = m->f(m->ud, ptr, osize, nsize);
  if (p || nsize == 0) {
    m->used = m->used >= old ? m->used - old : 0;
    m->used += nsize;
    if (m->used > m->peak) m->peak = m->used;
  }
  return p;
}

/* ---- the temporary folder ----------------------------------------------- */

static void remove_tree(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0) return;
  if (S_ISDIR(st.st_mode)) {
    DIR *d = opendir(path);
    if (d) {
      struct dirent *e;
      while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        size_t n = strlen(path) + strlen(e->d_name) + 2;
        char *child = malloc(n);
        if (!child) break;
        snprintf(child, n, "%s/%s", path, e->d_name);
        remove_tree(child);
        free(child);
      }
      closedir(d);
    }
    rmdir(path);
  } else {
    unlink(path);
  }
}

static void cleanup(void) {
  if (work_dir[0]) remove_tree(work_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  gsl_set_error_handler_off(); /* as the indsim program: statuses are checked */
  const char *tmp = getenv("TMPDIR");
  snprintf(work_dir, sizeof work_dir, "%s/fuzz_scenario.XXXXXX", tmp && *tmp && strlen(tmp) < 200 ? tmp : "/tmp");
  if (!mkdtemp(work_dir)) {
    perror("fuzz_scenario: mkdtemp");
    abort();
  }
  snprintf(input_path, sizeof input_path, "%s/input.lua", work_dir);
  snprintf(out_dir, sizeof out_dir, "%s/out", work_dir);
  atexit(cleanup);
  const char *v = getenv("FUZZ_SCENARIO_VERBOSE");
  verbose = v && *v && strcmp(v, "0") != 0;
  const char *mi = getenv("FUZZ_SCENARIO_MAX_INSTRUCTIONS");
  if (mi && atol(mi) > 0) max_instructions = atol(mi);
  return 0;
}

static const char *message_of(lua_State *L, int idx) {
  if (lua_istable(L, idx)) {
    lua_getfield(L, idx, "message");
    const char *msg = lua_tostring(L, -1);
    lua_pop(L, 1); /* the table keeps the string alive */
    return msg ? msg : "(error object without a message)";
  }
  const char *msg = lua_tostring(L, idx);
  return msg ? msg : "(error without a message)";
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > FUZZ_MAX_INPUT) return 0;
  FILE *f = fopen(input_path, "wb");
  if (!f) {
    perror("fuzz_scenario: cannot write the input file");
    abort();
  }
  if (size && fwrite(data, 1, size, f) != size) abort();
  if (fclose(f) != 0) abort();

  lua_State *L = lind_state_new();
  if (!L) abort();
  if (luaL_loadbufferx(L, driver, sizeof driver - 1, "=fuzz_scenario", "t") != LUA_OK) {
    fprintf(stderr, "fuzz_scenario: driver: %s\n", lua_tostring(L, -1));
    abort();
  }
  lua_pushstring(L, input_path);
  lua_pushstring(L, out_dir);
  if (lua_pcall(L, 2, 1, 0) != LUA_OK) {
    fprintf(stderr, "fuzz_scenario: driver: %s\n", message_of(L, -1));
    abort();
  }
  /* from here on, the input's work: counted and capped */
  mem_cap cap;
  cap.f = lua_getallocf(L, &cap.ud);
  cap.used = cap.peak = (size_t)lua_gc(L, LUA_GCCOUNT) * 1024 + (size_t)lua_gc(L, LUA_GCCOUNTB);
  lua_setallocf(L, capped_alloc, &cap);
  budget = max_instructions;
  lua_sethook(L, count_hook, LUA_MASKCOUNT, FUZZ_HOOK_EVERY);
  int status = lua_pcall(L, 0, 1, 0);
  if (verbose)
    fprintf(stderr, "fuzz_scenario: %s, %ld instructions, peak Lua memory %.1f MiB\n",
            status == LUA_OK ? "valid" : message_of(L, -1), max_instructions - budget, (double)cap.peak / 1048576.0);
  lua_sethook(L, NULL, 0, 0);
  lua_close(L); /* frees through capped_alloc: cap must outlive it */
  remove_tree(out_dir); /* what the input wrote: the next one starts clean */
  return 0;
}
