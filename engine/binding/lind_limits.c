/* lind_limits.c — limits on the work of scenario and script files: Lua
 * instructions, wall-clock seconds and Lua heap bytes. A state made with
 * lind_state_new_limited owns a guard (no global state): its allocator counts
 * and caps the heap, a count hook counts instructions and looks at the clock,
 * and a watchdog thread catches what a hook never sees — a runaway loop inside
 * a C library function (string.rep, a pattern match) — by first asking the
 * hook to fire at once and, if the state is stuck in C, printing the error and
 * ending the process (outputs are written atomically, so nothing already
 * written is damaged).
 *
 * Only user files' own work counts: the state starts paused (the engine's
 * code), the loader resumes the count while a user file runs, and the API
 * pauses it again inside each engine call (core.limits_pause/resume, nested);
 * while paused no second or byte is charged, and instructions only of the
 * user's own functions the engine calls back. Once a limit trips, the guard stays
 * tripped: the hook raises the error again at every chance, and the sandbox's
 * pcall/xpcall re-raise it (core.limits_tripped()), so a script cannot catch
 * its way past a limit. */
#include <lauxlib.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lind.h"

#define HOOK_EVERY 10000          /* instructions between two count hooks */
#define WATCH_MS 100              /* the watchdog's period */
#define STUCK_GRACE_S 2.0         /* after the time limit, how long the hook may take to fire */

typedef struct lind_guard {
  lind_limits lim;
  lua_State *L;
  size_t bytes;                   /* Lua heap in use */
  long long instructions;         /* charged to user files */
  double start;                   /* monotonic seconds */
  _Atomic double paused_total;    /* engine seconds so far (finished pauses) */
  _Atomic double paused_since;    /* start of the current pause, when paused */
  _Atomic int paused;             /* nesting depth of core.limits_pause */
  _Atomic int tripped;            /* 0, or which limit (1 instructions, 2 seconds, 3 memory) */
  char file[256];                 /* the user file running (core.limits_file) */
  char message[400];
  pthread_t watchdog;
  _Atomic int stop;
  int have_watchdog;
} lind_guard;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Seconds charged to user files: wall time less the engine's. */
static double user_seconds(lind_guard *g) {
  double t = now(), engine = atomic_load(&g->paused_total);
  if (atomic_load(&g->paused) > 0) engine += t - atomic_load(&g->paused_since);
  return t - g->start - engine;
}

static void trip(lind_guard *g, int which) {
  int expected = 0;
  if (!atomic_compare_exchange_strong(&g->tripped, &expected, which)) return;
  const char *file = g->file[0] ? g->file : "the scenario or script";
  if (which == 1)
    snprintf(g->message, sizeof g->message, "%s: stopped after %lld Lua instructions (limit; --max-instructions N changes it)",
             file, g->lim.max_instructions);
  else if (which == 2)
    snprintf(g->message, sizeof g->message, "%s: stopped after %g s of its own work (limit; --max-seconds S changes it; "
             "the engine's simulations do not count)", file, g->lim.max_seconds);
  else
    snprintf(g->message, sizeof g->message, "%s: stopped: its Lua memory would exceed %zu MiB (limit; --max-memory MIB "
             "changes it)", file, g->lim.max_bytes >> 20);
}

static void *guard_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  lind_guard *g = ud;
  size_t old = ptr ? osize : 0;
  if (nsize == 0) {
    free(ptr);
    g->bytes -= old;
    return NULL;
  }
  if (g->lim.max_bytes && nsize > old && g->bytes + (nsize - old) > g->lim.max_bytes && atomic_load(&g->paused) == 0) {
    trip(g, 3);
    return NULL; /* Lua raises a memory error; the sandbox turns it into the limit's message */
  }
  void *p = realloc(ptr, nsize);
  if (p) g->bytes = g->bytes - old + nsize;
  return p;
}

static void raise_tripped(lua_State *L, lind_guard *g) { lind_error(L, LIND_ERR_SCENARIO, "%s", g->message); }

/* While the engine works (paused), a user file's function it calls back (a
 * metamethod of a table the file passed in) still counts its instructions:
 * user chunks are named "@path", the engine's "=indsim/...". */
static int running_user_code(lua_State *L, lua_Debug *ar) {
  return lua_getinfo(L, "S", ar) && ar->source && ar->source[0] == '@';
}

static void count_hook(lua_State *L, lua_Debug *ar) {
  lind_guard *g;
  lua_getallocf(L, (void **)&g);
  if (atomic_load(&g->tripped)) raise_tripped(L, g);
  if (atomic_load(&g->paused) > 0) {
    if (!running_user_code(L, ar)) return;
    g->instructions += HOOK_EVERY;
    if (g->lim.max_instructions && g->instructions > g->lim.max_instructions) trip(g, 1);
    if (atomic_load(&g->tripped)) raise_tripped(L, g);
    return;
  }
  g->instructions += HOOK_EVERY;
  if (g->lim.max_instructions && g->instructions > g->lim.max_instructions) trip(g, 1);
  else if (g->lim.max_seconds > 0 && user_seconds(g) > g->lim.max_seconds) trip(g, 2);
  if (atomic_load(&g->tripped)) raise_tripped(L, g);
}

/* Past the time limit: make the hook fire at the next instruction; if the
 * state does not get there (stuck in a C function), end the process. */
static void *watch(void *ud) {
  lind_guard *g = ud;
  double over_since = 0;
  while (!atomic_load(&g->stop)) {
    struct timespec d = {0, WATCH_MS * 1000000L};
    nanosleep(&d, NULL);
    if (atomic_load(&g->paused) > 0 || user_seconds(g) <= g->lim.max_seconds) {
      over_since = 0;
      continue;
    }
    if (over_since == 0) {
      over_since = now();
      trip(g, 2);
      lua_sethook(g->L, count_hook, LUA_MASKCOUNT, 1); /* safe asynchronously (Lua manual, lua_sethook) */
    } else if (now() - over_since > STUCK_GRACE_S) {
      fprintf(stderr, "indsim: %s\n", g->message);
      fflush(stderr);
      _exit(LIND_EXIT_SCENARIO);
    }
  }
  return NULL;
}

static lind_guard *lind_guard_of(lua_State *L) {
  void *ud;
  return lua_getallocf(L, &ud) == guard_alloc ? ud : NULL;
}

lua_State *lind_limits_state(const lind_limits *lim) {
  lind_guard *g = calloc(1, sizeof *g);
  if (!g) return NULL;
  g->lim = *lim;
  g->start = now();
  atomic_store(&g->paused, 1); /* the engine's own code runs first: user files resume the count */
  atomic_store(&g->paused_since, g->start);
  lua_State *L = lua_newstate(guard_alloc, g);
  if (!L) {
    free(g);
    return NULL;
  }
  g->L = L;
  lua_sethook(L, count_hook, LUA_MASKCOUNT, HOOK_EVERY);
  if (lim->max_seconds > 0) g->have_watchdog = pthread_create(&g->watchdog, NULL, watch, g) == 0;
  return L;
}

void lind_limits_close(lua_State *L) {
  lind_guard *g = lind_guard_of(L);
  if (g && g->have_watchdog) {
    atomic_store(&g->stop, 1);
    pthread_join(g->watchdog, NULL);
  }
  lua_close(L);
  free(g);
}

/* core.limits_pause() / core.limits_resume(): around the engine's own work. */
static int limits_pause(lua_State *L) {
  lind_guard *g = lind_guard_of(L);
  if (g && atomic_fetch_add(&g->paused, 1) == 0) atomic_store(&g->paused_since, now());
  return 0;
}

static int limits_resume(lua_State *L) {
  lind_guard *g = lind_guard_of(L);
  if (!g || atomic_load(&g->paused) == 0) return 0;
  if (atomic_load(&g->paused) == 1) atomic_store(&g->paused_total, atomic_load(&g->paused_total) + now() - atomic_load(&g->paused_since));
  atomic_fetch_sub(&g->paused, 1);
  if (atomic_load(&g->tripped)) raise_tripped(L, g);
  return 0;
}

/* core.limits_file(name): the user file now running, for the messages; returns the previous one. */
static int limits_file(lua_State *L) {
  lind_guard *g = lind_guard_of(L);
  const char *name = luaL_optstring(L, 1, "");
  lua_pushstring(L, g ? g->file : "");
  if (g) snprintf(g->file, sizeof g->file, "%s", name);
  return 1;
}

/* core.limits_tripped() -> the limit's message, or nil. */
static int limits_tripped(lua_State *L) {
  lind_guard *g = lind_guard_of(L);
  if (g && atomic_load(&g->tripped)) lua_pushstring(L, g->message);
  else lua_pushnil(L);
  return 1;
}

/* What pcall and xpcall return after the call (as Lua's base library does),
 * unless a limit tripped: then its error goes on up. */
static int finish_pcall(lua_State *L, int status, int extra) {
  lind_guard *g = lind_guard_of(L);
  if (g && atomic_load(&g->tripped)) raise_tripped(L, g);
  if (status != LUA_OK) {
    lua_pushboolean(L, 0);
    lua_pushvalue(L, -2);
    return 2;
  }
  return lua_gettop(L) - extra;
}

/* core.pcall(f, ...) and core.xpcall(f, handler, ...): the sandbox's pcall and
 * xpcall. C functions, so that error levels count as with Lua's own. */
static int guarded_pcall(lua_State *L) {
  luaL_checkany(L, 1);
  lua_pushboolean(L, 1);
  lua_insert(L, 1);
  return finish_pcall(L, lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 0), 0);
}

static int guarded_xpcall(lua_State *L) {
  int n = lua_gettop(L);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_pushboolean(L, 1);
  lua_pushvalue(L, 1);
  lua_rotate(L, 3, 2); /* f, handler, true, f, args... */
  return finish_pcall(L, lua_pcall(L, n - 2, LUA_MULTRET, 2), 2);
}

static const luaL_Reg limits_funcs[] = {
  {"pcall", guarded_pcall},
  {"xpcall", guarded_xpcall},
  {"limits_pause", limits_pause},
  {"limits_resume", limits_resume},
  {"limits_file", limits_file},
  {"limits_tripped", limits_tripped},
  {NULL, NULL},
};

void lind_open_limits(lua_State *L) { luaL_setfuncs(L, limits_funcs, 0); }
