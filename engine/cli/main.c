/* main.c — the indsim program: parses the command line into a table, hands
 * it to the Lua command of the same name (engine/lua/cli.lua) inside a
 * protected call, and turns what comes back into an exit code. */
#include <gsl/gsl_errno.h>
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "help.h"
#include "lind.h"

enum { EXIT_USAGE = 2, EXIT_SCENARIO = 3, EXIT_NUMERIC = 4, EXIT_IO = 5, EXIT_DIFFER = 6, EXIT_INTERNAL = 70 };

static const char usage[] =
  "usage: indsim COMMAND [options] [FILE ...]     (indsim COMMAND --help: one command)\n"
  "\n"
  "commands:\n"
  "  run [FILE ...]        simulate scenarios (no FILE: the built-in Hanoi default),\n"
  "                        print the summary, write CSV files and plots\n"
  "  compare BASE OTHER..  as run, gains measured against BASE's scenario\n"
  "  check [FILE ...]      validate scenarios and print their assumption registers\n"
  "  script FILE [ARG ...] run a what-if analysis script (see scripts/)\n"
  "  mc [FILE ...] -n N    Monte Carlo: N draws of every uncertain number; fan charts,\n"
  "                        fan.csv, plan targets; gains against the first scenario\n"
  "  calibrate FILE [--until Y]\n"
  "                        fit the scenario's calibration (priors: its distributions)\n"
  "                        to its observations (up to year Y); report, posterior.lua\n"
  "  backtest FILE --until Y [-n N]\n"
  "                        calibrate on the observations up to Y, project the rest\n"
  "                        with an ensemble, report each held-out one against the bands\n"
  "  sensitivity [FILE] [--method oat|sobol] [--output OUT[,OUT...]] [-n N]\n"
  "                        how each uncertain number moves an output: one at a time\n"
  "                        over its 5-95 % range (tornado chart), or Sobol first- and\n"
  "                        total-order indices with bootstrap intervals (N base\n"
  "                        samples, default 512). FILE's first scenario is the\n"
  "                        baseline, its second the one studied (no FILE: the Hanoi\n"
  "                        package); OUT is npv, bcr, pv_benefit, pv_cost or VAR:YEAR\n"
  "                        (e.g. production_value:2020; with a baseline, its gain)\n"
  "  rerun DIR             repeat the run recorded in DIR/manifest.json and confirm\n"
  "                        the numbers are identical\n"
  "  params [--markdown]   list the model's parameters\n"
  "\n"
  "options:\n"
  "  --out DIR             output folder (default ./out)\n"
  "  --svg                 plots as SVG instead of PNG (same as --format svg)\n"
  "  --no-plots            CSV files and tables only\n"
  "  --bom                 CSV files start with a byte-order mark (for spreadsheets that\n"
  "                        need one to read UTF-8: Vietnamese names stay intact)\n"
  "  --lang vi|en|both     language of labels (default both)\n"
  "  --years Y1,Y2,...     years shown in the summary table\n"
  "  --plots-dir DIR       gnuplot templates (default ./plots if present, else built in)\n"
  "  --path DIR            also look for scenarios in DIR (repeatable)\n"
  "  --gnuplot PROGRAM     the gnuplot program to run (default gnuplot)\n"
  "  -n N, --draws N       Monte Carlo draws (default 1000)\n"
  "  --seed S              random seed (default 1); same seed, same numbers\n"
  "  --threads T           threads (default: all processors); results do not depend on it\n"
  "  --quiet               no progress messages\n"
  "  --stats               at the end, print wall and CPU time and peak memory\n"
  "  --max-seconds S       stop a scenario or script file after S s of its own work\n"
  "                        (default 10; the engine's simulations do not count; 0: none)\n"
  "  --max-memory MIB      ... when its Lua memory would exceed MIB MiB (default 1024)\n"
  "  --max-instructions N  ... after N Lua instructions (default 1e9)\n"
  "  --unsafe              run scenario and script files without the sandbox (full\n"
  "                        access to files and programs: only for your own files)\n"
  "  --version, --help\n"
  "\n"
  "  --                    end of options: what follows are files (and a script's\n"
  "                        arguments)\n"
  "\n"
  "exit codes: 0 ok, 2 usage, 3 bad scenario or script, 4 numerical failure,\n"
  "            5 input/output failure, 6 rerun differs, 70 internal error of indsim\n";

typedef struct cli_args {
  int nfiles;
  int npaths;
} cli_args;

static int bad_usage(const char *fmt, const char *what) {
  fprintf(stderr, "indsim: ");
  fprintf(stderr, fmt, what);
  fprintf(stderr, "\n(indsim --help lists commands and options)\n");
  return EXIT_USAGE;
}

static void set_string(lua_State *L, const char *key, const char *value) {
  lua_pushstring(L, value);
  lua_setfield(L, -2, key);
}

static int push_years(lua_State *L, const char *text) {
  lua_newtable(L);
  int n = 0;
  const char *p = text;
  while (*p) {
    char *end;
    long y = strtol(p, &end, 10);
    if (end == p || y < 1800 || y > 2300 || (*end && *end != ',')) return 0;
    lua_pushinteger(L, y);
    lua_rawseti(L, -2, ++n);
    p = *end ? end + 1 : end;
  }
  lua_setfield(L, -2, "years");
  return n > 0;
}

/* Fills the options table on the top of the stack; returns 0 or an exit code. */
static int parse_options(lua_State *L, int argc, char **argv) {
  static const char *const valued[][2] = {{"--out", "out"}, {"--format", "format"}, {"--lang", "lang"},
                                          {"--plots-dir", "plots_dir"}, {"--gnuplot", "gnuplot"}, {"-n", "n"},
                                          {"--draws", "n"}, {"--seed", "seed"}, {"--threads", "threads"},
                                          {"--until", "until"}, {"--method", "method"}, {"--output", "output"},
                                          {"--max-seconds", "max_seconds"}, {"--max-memory", "max_memory"},
                                          {"--max-instructions", "max_instructions"}};
  cli_args a = {0, 0};
  int options_done = 0;
  lua_newtable(L); /* files */
  lua_newtable(L); /* paths */
  int files = lua_gettop(L) - 1, paths = files + 1, opts = files - 1;
  for (int i = 2; i < argc; i++) {
    const char *s = argv[i];
    size_t k;
    if (options_done || s[0] != '-' || s[1] == '\0') { /* a file ("-" too, for a later use) */
      lua_pushstring(L, s);
      lua_rawseti(L, files, ++a.nfiles);
      continue;
    }
    if (!strcmp(s, "--")) {
      options_done = 1;
      continue;
    }
    for (k = 0; k < sizeof valued / sizeof *valued && strcmp(s, valued[k][0]) != 0; k++) {}
    int has_value = k < sizeof valued / sizeof *valued || !strcmp(s, "--years") || !strcmp(s, "--path");
    if (has_value && i + 1 >= argc) return bad_usage("option %s needs a value", s);
    if (k < sizeof valued / sizeof *valued) {
      lua_pushstring(L, argv[++i]);
      lua_setfield(L, opts, valued[k][1]);
    } else if (!strcmp(s, "--years")) {
      lua_pushvalue(L, opts);
      if (!push_years(L, argv[++i])) return bad_usage("--years wants years like 2010,2015,2020, got '%s'", argv[i]);
      lua_pop(L, 1);
    } else if (!strcmp(s, "--path")) {
      lua_pushstring(L, argv[++i]);
      lua_rawseti(L, paths, ++a.npaths);
    } else if (!strcmp(s, "--svg")) {
      lua_pushvalue(L, opts);
      set_string(L, "format", "svg");
      lua_pop(L, 1);
    } else if (!strcmp(s, "--no-plots") || !strcmp(s, "--quiet") || !strcmp(s, "--markdown") || !strcmp(s, "--stats") ||
               !strcmp(s, "--unsafe") || !strcmp(s, "--bom")) {
      lua_pushboolean(L, 1);
      lua_setfield(L, opts, !strcmp(s, "--no-plots") ? "no_plots" : s + 2);
    } else {
      return bad_usage("unknown option %s", s);
    }
  }
  lua_setfield(L, opts, "paths");
  lua_setfield(L, opts, "files");
  lua_createtable(L, argc, 0); /* the command line, for the run manifest */
  for (int i = 0; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i);
  }
  lua_setfield(L, opts, "argv");
  lua_getfield(L, opts, "format");
  const char *fmt = lua_tostring(L, -1);
  int bad_fmt = fmt && strcmp(fmt, "png") != 0 && strcmp(fmt, "svg") != 0;
  lua_pop(L, 1);
  if (bad_fmt) return bad_usage("--format must be png or svg, got '%s'", fmt);
  lua_getfield(L, opts, "lang");
  const char *lang = lua_tostring(L, -1);
  int bad_lang = lang && strcmp(lang, "vi") != 0 && strcmp(lang, "en") != 0 && strcmp(lang, "both") != 0;
  lua_pop(L, 1);
  if (bad_lang) return bad_usage("--lang must be vi, en or both, got '%s'", lang);
  return 0;
}

/* Message handler: keeps indsim error objects, adds a traceback to others
 * (a bug in the engine, or a plain error() in a user's script). */
static int on_error(lua_State *L) {
  if (lua_istable(L, 1)) return 1;
  const char *msg = lua_tostring(L, 1);
  if (!msg) msg = luaL_tolstring(L, 1, NULL);
  luaL_traceback(L, L, msg, 1);
  return 1;
}

static int exit_code_of(lua_State *L) {
  if (!lua_istable(L, -1)) {
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "indsim: %s\n", msg ? msg : "(an error without a message)");
    return EXIT_SCENARIO;
  }
  lua_pushstring(L, "kind"); /* raw: no metamethod of a stray table runs here */
  lua_rawget(L, -2);
  lua_pushstring(L, "message");
  lua_rawget(L, -3);
  const char *kind = lua_tostring(L, -2), *msg = lua_tostring(L, -1);
  fprintf(stderr, "indsim: %s\n", msg ? msg : "error");
  if (!kind) return EXIT_INTERNAL;
  if (!strcmp(kind, LIND_ERR_USAGE)) return EXIT_USAGE;
  if (!strcmp(kind, LIND_ERR_NUMERIC)) return EXIT_NUMERIC;
  if (!strcmp(kind, LIND_ERR_IO)) return EXIT_IO;
  if (!strcmp(kind, "differ")) return EXIT_DIFFER;
  if (!strcmp(kind, LIND_ERR_INTERNAL)) {
    fprintf(stderr, "indsim: this is an internal error of indsim; please report it with the files that caused it\n");
    return EXIT_INTERNAL;
  }
  return EXIT_SCENARIO;
}

/* --stats: what the run cost, for benchmarks (tests/bench/). */
static void print_stats(const struct timespec *t0) {
  struct timespec t1;
  struct rusage ru;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  getrusage(RUSAGE_SELF, &ru);
  double wall = (double)(t1.tv_sec - t0->tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0->tv_nsec);
  double cpu = (double)ru.ru_utime.tv_sec + 1e-6 * (double)ru.ru_utime.tv_usec + (double)ru.ru_stime.tv_sec +
               1e-6 * (double)ru.ru_stime.tv_usec;
  fprintf(stderr, "stats: wall %.3f s, cpu %.3f s, peak memory %.1f MiB\n", wall, cpu, (double)ru.ru_maxrss / 1024.0);
}

static int wants_stats(int argc, char **argv) {
  for (int i = 2; i < argc && strcmp(argv[i], "--") != 0; i++)
    if (!strcmp(argv[i], "--stats")) return 1;
  return 0;
}

/* The value of a limit option in [0, hi]; returns 0 or prints a usage error. */
static int limit_value(const char *opt, const char *text, double hi, double *out) {
  char *end;
  double v = strtod(text, &end);
  if (end == text || *end || !(v >= 0 && v <= hi)) {
    fprintf(stderr, "indsim: %s wants a number in 0..%g (0: no limit), got '%s'\n", opt, hi, text);
    return EXIT_USAGE;
  }
  *out = v;
  return 0;
}

/* The limits on user files from the command line (before the state exists). */
static int read_limits(int argc, char **argv, lind_limits *lim) {
  double seconds = 10, mib = 1024, instructions = 1e9;
  for (int i = 2; i + 1 < argc && strcmp(argv[i], "--") != 0; i++) {
    const char *opt = argv[i], *val = argv[i + 1];
    int rc = 0;
    if (!strcmp(opt, "--max-seconds")) rc = limit_value(opt, val, 1e7, &seconds);
    else if (!strcmp(opt, "--max-memory")) rc = limit_value(opt, val, 1 << 30, &mib);
    else if (!strcmp(opt, "--max-instructions")) rc = limit_value(opt, val, 9e18, &instructions);
    else continue;
    if (rc) return rc;
    i++;
  }
  lim->max_seconds = seconds;
  lim->max_bytes = (size_t)(mib * 1048576.0);
  lim->max_instructions = (long long)instructions;
  return 0;
}

static int run_command(const char *command, int argc, char **argv) {
  lind_limits lim;
  int bad = read_limits(argc, argv, &lim);
  if (bad) return bad;
  lua_State *L = lind_state_new_limited(&lim);
  if (!L) {
    fprintf(stderr, "indsim: cannot create a Lua state (out of memory)\n");
    return EXIT_INTERNAL;
  }
  lua_pushcfunction(L, on_error);
  int handler = lua_gettop(L);
  int rc = 0;
  lua_getglobal(L, "require");
  lua_pushstring(L, "indsim.cli");
  if (lua_pcall(L, 1, 1, handler) != LUA_OK) {
    rc = exit_code_of(L);
    goto done;
  }
  lua_getfield(L, -1, command);
  if (!lua_isfunction(L, -1)) {
    const char *near = indsim_closest_command(command);
    char msg[200];
    if (near) snprintf(msg, sizeof msg, "unknown command '%.80s' (did you mean '%s'?)", command, near);
    else snprintf(msg, sizeof msg, "unknown command '%.80s'", command);
    rc = bad_usage("%s", msg);
    goto done;
  }
  lua_newtable(L);
  if ((rc = parse_options(L, argc, argv)) != 0) goto done;
  if (lua_pcall(L, 1, 1, handler) != LUA_OK) rc = exit_code_of(L);
done:
  fflush(stdout);
  lind_state_close(L);
  return rc;
}

int main(int argc, char **argv) {
  gsl_set_error_handler_off(); /* statuses are checked; GSL must not abort */
  if (argc >= 3 && !strcmp(argv[1], "help")) /* indsim help COMMAND */
    return indsim_print_command_help(stdout, argv[2]) ? 0 : bad_usage("no command '%s'", argv[2]);
  if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
    fputs(usage, argc < 2 ? stderr : stdout);
    return argc < 2 ? EXIT_USAGE : 0;
  }
  if (!strcmp(argv[1], "--version")) {
    printf("indsim %s\n", INDSIM_VERSION);
    return 0;
  }
  if (argv[1][0] == '-') return bad_usage("unknown option %s (a command comes first)", argv[1]);
  for (int i = 2; i < argc && strcmp(argv[i], "--") != 0; i++)
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { /* indsim COMMAND --help */
      if (!indsim_print_command_help(stdout, argv[1])) fputs(usage, stdout);
      return 0;
    }
  struct timespec t0;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  int rc = run_command(argv[1], argc, argv);
  if (wants_stats(argc, argv)) print_stats(&t0);
  return rc;
}
