/* lind_output.c — the output layer from Lua: folders, CSV files, text tables
 * and plots. Failures to write raise "io" errors; a missing or failing gnuplot
 * is an expected run-time failure and returns nil, message. */
#include <lauxlib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ind_csv.h"
#include "ind_fsout.h"
#include "ind_labels.h"
#include "ind_plot.h"
#include "ind_table.h"
#include "ind_var.h"
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

/* The CSV flags from an optional boolean argument: true, a byte-order mark first. */
int lind_csv_flags(lua_State *L, int idx) { return lua_toboolean(L, idx) ? IND_WRITE_BOM : 0; }

/* core.write_csv(result, dir [, bom]): dir/annual.csv and dir/fit.csv */
static int out_write_csv(lua_State *L) {
  ind_err err;
  lind_result *u = lind_check_result(L, 1);
  const char *dir = luaL_checkstring(L, 2);
  int flags = lind_csv_flags(L, 3);
  if (ind_csv_write_annual(join(L, dir, "annual.csv"), u->sc, u->r, flags, &err)) return lind_raise(L, &err, NULL);
  if (u->sc->nobs && ind_csv_write_fit(join(L, dir, "fit.csv"), u->sc, u->r, flags, &err)) return lind_raise(L, &err, NULL);
  return 0;
}

/* Collects the result objects of the list at idx into arrays on a userdata
 * kept on the stack (freed by the GC). Returns the count. */
static int check_results(lua_State *L, int idx, const ind_scenario ***scs, const ind_result ***rs) {
  luaL_checktype(L, idx, LUA_TTABLE);
  int n = (int)luaL_len(L, idx);
  if (n < 1) lind_error(L, LIND_ERR_USAGE, "a list of at least one result expected");
  void **mem = lua_newuserdatauv(L, 2 * (size_t)n * sizeof(void *), 0);
  *scs = (const ind_scenario **)mem;
  *rs = (const ind_result **)(mem + n);
  for (int i = 0; i < n; i++) {
    lua_rawgeti(L, idx, i + 1);
    lind_result *u = lind_check_result(L, -1);
    (*scs)[i] = u->sc;
    (*rs)[i] = u->r;
    lua_pop(L, 1);
  }
  return n;
}

/* Runs fn into a memory stream and pushes what it wrote. */
typedef ind_status (*text_fn)(FILE *f, void *ud, ind_err *err);

static int push_text(lua_State *L, text_fn fn, void *ud) {
  ind_err err;
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  if (!f) return luaL_error(L, "out of memory");
  ind_status st = fn(f, ud, &err);
  fclose(f);
  if (st) {
    free(buf);
    return lind_raise(L, &err, NULL);
  }
  lua_pushlstring(L, buf, len);
  free(buf);
  return 1;
}

typedef struct summary_args {
  const ind_scenario **scs;
  const ind_result **rs;
  int n, baseline, nyears;
  int years[IND_TABLE_MAX_YEARS];
  const char *basis;
  ind_lang lang;
} summary_args;

static ind_status summary_fn(FILE *f, void *ud, ind_err *err) {
  summary_args *a = ud;
  return ind_table_summary(f, a->scs, a->rs, a->n, a->baseline, a->years, a->nyears, a->basis, a->lang, err);
}

/* The language of the optional argument idx ("vi", "en", "both"; default both). */
static ind_lang lang_arg(lua_State *L, int idx) {
  ind_err err;
  ind_lang lang;
  if (ind_lang_parse(luaL_optstring(L, idx, NULL), &lang, &err)) lind_raise(L, &err, NULL);
  return lang;
}

/* core.summary_text(results, baseline (1-based, 0 none), years, basis [, lang]) -> text */
static int out_summary_text(lua_State *L) {
  summary_args a;
  a.n = check_results(L, 1, &a.scs, &a.rs);
  a.baseline = lind_check_int(L, 2, 0, 1 << 20) - 1;
  if (a.baseline >= a.n) lind_error(L, LIND_ERR_USAGE, "baseline index %d out of range", a.baseline + 1);
  luaL_checktype(L, 3, LUA_TTABLE);
  a.nyears = (int)luaL_len(L, 3);
  if (a.nyears < 1 || a.nyears > IND_TABLE_MAX_YEARS)
    lind_error(L, LIND_ERR_USAGE, "1 to %d report years expected", IND_TABLE_MAX_YEARS);
  for (int k = 0; k < a.nyears; k++) {
    lua_rawgeti(L, 3, k + 1);
    a.years[k] = lind_check_int(L, -1, -100000, 100000);
    lua_pop(L, 1);
  }
  a.basis = luaL_optstring(L, 4, NULL);
  a.lang = lang_arg(L, 5);
  return push_text(L, summary_fn, &a);
}

typedef struct fit_args {
  lind_result *u;
  ind_lang lang;
} fit_args;

static ind_status fit_fn(FILE *f, void *ud, ind_err *err) {
  fit_args *a = ud;
  return ind_table_fit(f, a->u->sc, a->u->r, a->lang, err);
}

/* core.fit_text(result [, lang]) -> text */
static int out_fit_text(lua_State *L) {
  fit_args a = {lind_check_result(L, 1), lang_arg(L, 2)};
  return push_text(L, fit_fn, &a);
}

/* A string option of the table at idx, or NULL; the table keeps it alive. */
static const char *opt_string(lua_State *L, int idx, const char *key) {
  lua_getfield(L, idx, key);
  const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
  lua_pop(L, 1);
  return s;
}

/* The plot helpers every binding file shares (lind.h). */

ind_plot_opts lind_plot_opts(lua_State *L, int idx) {
  ind_plot_opts o = {NULL, NULL, NULL, NULL};
  if (lua_istable(L, idx)) {
    o.template_dir = opt_string(L, idx, "template_dir");
    o.format = opt_string(L, idx, "format");
    o.lang = opt_string(L, idx, "lang");
    o.gnuplot = opt_string(L, idx, "gnuplot");
  }
  return o;
}

int lind_plot_result(lua_State *L, ind_status st, const ind_err *err) {
  if (st == IND_OK) {
    lua_pushboolean(L, 1);
    return 1;
  }
  if (st != IND_EEXTERNAL) return lind_raise(L, err, NULL);
  lua_pushnil(L);
  lua_pushstring(L, err->msg);
  return 2;
}

/* core.plot_projection(result, dir, stem, opts) */
static int out_plot_projection(lua_State *L) {
  ind_err err;
  lind_result *u = lind_check_result(L, 1);
  ind_plot_opts o = lind_plot_opts(L, 4);
  return lind_plot_result(L, ind_plot_projection(luaL_checkstring(L, 2), luaL_checkstring(L, 3), u->sc, u->r, &o, &err), &err);
}

/* core.plot_compare(results, baseline (1-based, 0 none), var, dir, stem, opts) */
static int out_plot_compare(lua_State *L) {
  ind_err err;
  const ind_scenario **scs;
  const ind_result **rs;
  int n = check_results(L, 1, &scs, &rs);
  int baseline = lind_check_int(L, 2, 0, 1 << 20) - 1;
  const char *vname = luaL_checkstring(L, 3);
  int var = ind_var_find(vname);
  if (var < 0) lind_error(L, LIND_ERR_USAGE, "unknown output variable '%s'", vname);
  if (baseline >= n) lind_error(L, LIND_ERR_USAGE, "baseline index %d out of range", baseline + 1);
  ind_plot_opts o = lind_plot_opts(L, 6);
  return lind_plot_result(L, ind_plot_compare(luaL_checkstring(L, 4), luaL_checkstring(L, 5), scs, rs, n, baseline, var, &o, &err), &err);
}

/* Reads n numbers of the list at idx (nil: a gap) into an array on a userdata. */
static double *number_list(lua_State *L, int idx, int n) {
  luaL_checktype(L, idx, LUA_TTABLE);
  double *v = lua_newuserdatauv(L, (size_t)(n ? n : 1) * sizeof(double), 0);
  for (int j = 0; j < n; j++) {
    lua_rawgeti(L, idx, j + 1);
    v[j] = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : NAN; /* nil: a gap */
    lua_pop(L, 1);
  }
  return v;
}

/* core.plot_lines(dir, stem, {title, xlabel, ylabel, series = {{name, x, y, n [, lo, hi]}}}, opts):
 * n points per series (y may hold nils: gaps, so its length is not used);
 * lo and hi, when given, bound a shaded band. */
static int out_plot_lines(lua_State *L) {
  ind_err err;
  const char *dir = luaL_checkstring(L, 1), *stem = luaL_checkstring(L, 2);
  luaL_checktype(L, 3, LUA_TTABLE);
  lua_getfield(L, 3, "series");
  int series = lua_gettop(L), ns = (int)luaL_len(L, series);
  if (ns < 1) lind_error(L, LIND_ERR_USAGE, "plot.lines needs at least one series");
  ind_line_series *ls = lua_newuserdatauv(L, (size_t)ns * sizeof *ls, 0);
  lua_createtable(L, 5 * ns, 0); /* keeps the names and arrays alive until the plot is written */
  int anchor = lua_gettop(L);
  for (int k = 0; k < ns; k++) {
    lua_rawgeti(L, series, k + 1);
    int s = lua_gettop(L);
    luaL_checktype(L, s, LUA_TTABLE);
    lua_getfield(L, s, "n");
    ls[k].n = lind_check_int(L, -1, 0, 10000000);
    lua_getfield(L, s, "name");
    ls[k].name = luaL_tolstring(L, -1, NULL); /* a new string, anchored below */
    lua_rawseti(L, anchor, 5 * k + 1);
    static const char *const lists[] = {"x", "y", "lo", "hi"};
    const double **dst[] = {&ls[k].x, &ls[k].y, &ls[k].lo, &ls[k].hi};
    for (int i = 0; i < 4; i++) {
      lua_getfield(L, s, lists[i]);
      *dst[i] = i >= 2 && lua_isnil(L, -1) ? NULL : number_list(L, lua_gettop(L), ls[k].n);
      lua_rawseti(L, anchor, 5 * k + 2 + i);
    }
    lua_settop(L, anchor);
  }
  ind_plot_opts o = lind_plot_opts(L, 4);
  return lind_plot_result(L, ind_plot_lines(dir, stem, opt_string(L, 3, "title"), opt_string(L, 3, "xlabel"),
                                            opt_string(L, 3, "ylabel"), ns, ls, &o, &err),
                          &err);
}

/* core.write_table(path, columns, rows [, bom]): a CSV file with the header columns and
 * one line per row (a list of strings and numbers; nil or false: empty). The
 * strings stay in their tables (arguments on the stack) while the file is written. */
static int out_write_table(lua_State *L) {
  ind_err err;
  const char *path = luaL_checkstring(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  luaL_checktype(L, 3, LUA_TTABLE);
  int ncols = (int)luaL_len(L, 2), nrows = (int)luaL_len(L, 3);
  if (ncols < 1 || ncols > 10000 || nrows > 10000000 || (double)ncols * nrows > 1e8)
    return lind_error(L, LIND_ERR_USAGE, "%s: 1 to 10000 columns and at most 1e8 cells", path);
  const char **cols = lua_newuserdatauv(L, (size_t)ncols * sizeof(char *), 0);
  ind_csv_cell *cells = lua_newuserdatauv(L, (size_t)(nrows ? nrows : 1) * (size_t)ncols * sizeof *cells, 0);
  for (int j = 0; j < ncols; j++) {
    lua_rawgeti(L, 2, j + 1);
    if (lua_type(L, -1) != LUA_TSTRING) return lind_error(L, LIND_ERR_USAGE, "%s: column %d has no name", path, j + 1);
    cols[j] = lua_tostring(L, -1);
    lua_pop(L, 1);
  }
  for (int i = 0; i < nrows; i++) {
    lua_rawgeti(L, 3, i + 1);
    if (!lua_istable(L, -1)) return lind_error(L, LIND_ERR_USAGE, "%s: row %d is not a list", path, i + 1);
    for (int j = 0; j < ncols; j++) {
      ind_csv_cell *c = &cells[(size_t)i * (size_t)ncols + (size_t)j];
      int t = lua_rawgeti(L, -1, j + 1);
      c->s = t == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
      c->x = t == LUA_TNUMBER ? lua_tonumber(L, -1) : NAN;
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  if (ind_csv_write_cells(path, ncols, cols, nrows, cells, lind_csv_flags(L, 4), &err)) return lind_raise(L, &err, NULL);
  return 0;
}

/* ---- what-if charts: ranking, tornado, waterfall ----
 * Their spec tables are checked field by field; every complaint reads
 * "core.plot_ranking: series[2].values has 44 numbers, labels has 45". */

#define LIND_PLOT_MAX_ITEMS 1000000

/* Raises a usage error "core.<fn>: <message>". */
static int spec_error(lua_State *L, const char *fn, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const char *msg = lua_pushvfstring(L, fmt, ap);
  va_end(ap);
  return lind_error(L, LIND_ERR_USAGE, "core.%s: %s", fn, msg);
}

/* Field key of the table at t, pushed: its index, or 0 (nothing pushed) when
 * it is nil and optional; any other type than `type` is an error. */
static int spec_field(lua_State *L, int t, const char *key, int type, int required, const char *fn, const char *where) {
  if (lua_getfield(L, t, key) == LUA_TNIL && !required) {
    lua_pop(L, 1);
    return 0;
  }
  if (lua_type(L, -1) != type)
    spec_error(L, fn, "%s%s: %s expected, got %s", where, key, lua_typename(L, type), luaL_typename(L, -1));
  return lua_gettop(L);
}

/* An optional text field: the string (kept alive by the table), or NULL. */
static const char *spec_text(lua_State *L, int t, const char *key, const char *fn, const char *where) {
  int i = spec_field(L, t, key, LUA_TSTRING, 0, fn, where);
  const char *s = i ? lua_tostring(L, i) : NULL;
  if (i) lua_pop(L, 1);
  return s;
}

/* The list of strings in field key, as an array on a userdata left on the
 * stack above the list (which keeps the strings alive). *n is its length:
 * 1..max. */
static const char **spec_strings(lua_State *L, int t, const char *key, int max, const char *fn, int *n) {
  int list = spec_field(L, t, key, LUA_TTABLE, 1, fn, "");
  size_t len = lua_rawlen(L, list);
  if (len < 1 || len > (size_t)max) spec_error(L, fn, "%s must list 1 to %d texts, got %d", key, max, (int)len);
  const char **v = lua_newuserdatauv(L, len * sizeof *v, 0);
  for (size_t j = 0; j < len; j++) {
    if (lua_rawgeti(L, list, (lua_Integer)j + 1) != LUA_TSTRING)
      spec_error(L, fn, "%s[%d]: string expected, got %s", key, (int)j + 1, luaL_typename(L, -1));
    v[j] = lua_tostring(L, -1);
    lua_pop(L, 1);
  }
  *n = (int)len;
  return v;
}

/* The list of exactly n numbers in field key of the table at t (where names
 * the table, "" or "series[2]."), as an array on a userdata left on the stack;
 * NULL when the field is nil and optional. NaN (0/0) is a gap, where allowed. */
static double *spec_numbers(lua_State *L, int t, const char *key, int n, int required, int finite,
                            const char *fn, const char *where) {
  int list = spec_field(L, t, key, LUA_TTABLE, required, fn, where);
  if (!list) return NULL;
  int len = (int)lua_rawlen(L, list);
  if (len != n) spec_error(L, fn, "%s%s has %d numbers, labels has %d", where, key, len, n);
  double *v = lua_newuserdatauv(L, (size_t)n * sizeof *v, 0);
  for (int j = 0; j < n; j++) {
    if (lua_rawgeti(L, list, j + 1) != LUA_TNUMBER)
      spec_error(L, fn, "%s%s[%d]: number expected, got %s", where, key, j + 1, luaL_typename(L, -1));
    v[j] = lua_tonumber(L, -1);
    if (finite && !isfinite(v[j])) spec_error(L, fn, "%s%s[%d]: a finite number expected, got %f", where, key, j + 1, v[j]);
    lua_pop(L, 1);
  }
  return v;
}

/* core.plot_ranking(dir, stem, {title, ylabel, labels = {...}, series = {{name, values = {...},
 * lo = {...}, hi = {...}}, ...}}, opts): one row per label, the series' bars side by side. */
static int out_plot_ranking(lua_State *L) {
  static const char fn[] = "plot_ranking";
  ind_err err;
  const char *dir = luaL_checkstring(L, 1), *stem = luaL_checkstring(L, 2);
  luaL_checktype(L, 3, LUA_TTABLE);
  int n, list = spec_field(L, 3, "series", LUA_TTABLE, 1, fn, "");
  int ns = (int)lua_rawlen(L, list);
  if (ns < 1 || ns > IND_RANKING_MAX_SERIES) spec_error(L, fn, "series must list 1 to %d series, got %d", IND_RANKING_MAX_SERIES, ns);
  const char **labels = spec_strings(L, 3, "labels", IND_RANKING_MAX, fn, &n);
  const char **names = lua_newuserdatauv(L, (size_t)ns * sizeof *names, 0);
  const double **v = lua_newuserdatauv(L, 3 * (size_t)ns * sizeof *v, 0), **lo = v + ns, **hi = v + 2 * ns;
  for (int s = 0; s < ns; s++) {
    char where[32];
    snprintf(where, sizeof where, "series[%d].", s + 1);
    luaL_checkstack(L, 8, "too many series"); /* each series keeps its table and its lists on the stack */
    if (lua_rawgeti(L, list, s + 1) != LUA_TTABLE)
      spec_error(L, fn, "series[%d]: table expected, got %s", s + 1, luaL_typename(L, -1));
    int t = lua_gettop(L); /* stays on the stack: it keeps the name alive */
    names[s] = spec_text(L, t, "name", fn, where);
    v[s] = spec_numbers(L, t, "values", n, 1, 0, fn, where);
    lo[s] = spec_numbers(L, t, "lo", n, 0, 0, fn, where);
    hi[s] = spec_numbers(L, t, "hi", n, 0, 0, fn, where);
  }
  const char *title = spec_text(L, 3, "title", fn, ""), *ylabel = spec_text(L, 3, "ylabel", fn, "");
  ind_plot_opts o = lind_plot_opts(L, 4);
  return lind_plot_result(L, ind_plot_ranking(dir, stem, title, ylabel, n, labels, ns, names, v, lo, hi, &o, &err), &err);
}

/* core.plot_tornado(dir, stem, {title, xlabel, labels, center, low = {...}, high = {...}}, opts) */
static int out_plot_tornado(lua_State *L) {
  static const char fn[] = "plot_tornado";
  ind_err err;
  const char *dir = luaL_checkstring(L, 1), *stem = luaL_checkstring(L, 2);
  luaL_checktype(L, 3, LUA_TTABLE);
  int n;
  const char **labels = spec_strings(L, 3, "labels", LIND_PLOT_MAX_ITEMS, fn, &n);
  int c = spec_field(L, 3, "center", LUA_TNUMBER, 1, fn, "");
  double center = lua_tonumber(L, c);
  if (!isfinite(center)) spec_error(L, fn, "center: a finite number expected, got %f", center);
  const double *low = spec_numbers(L, 3, "low", n, 1, 0, fn, ""), *high = spec_numbers(L, 3, "high", n, 1, 0, fn, "");
  const char *title = spec_text(L, 3, "title", fn, ""), *xlabel = spec_text(L, 3, "xlabel", fn, "");
  ind_plot_opts o = lind_plot_opts(L, 4);
  return lind_plot_result(L, ind_plot_tornado(dir, stem, title, xlabel, n, labels, center, low, high, &o, &err), &err);
}

/* core.plot_waterfall(dir, stem, {title, ylabel, labels, values, total_label, interaction}, opts):
 * interaction (a number, optional) adds the bar "Tương tác / Interaction" after the others. */
static int out_plot_waterfall(lua_State *L) {
  static const char fn[] = "plot_waterfall";
  ind_err err;
  const char *dir = luaL_checkstring(L, 1), *stem = luaL_checkstring(L, 2);
  luaL_checktype(L, 3, LUA_TTABLE);
  int n;
  const char **given = spec_strings(L, 3, "labels", IND_WATERFALL_MAX, fn, &n);
  const double *given_v = spec_numbers(L, 3, "values", n, 1, 1, fn, "");
  int inter = spec_field(L, 3, "interaction", LUA_TNUMBER, 0, fn, "");
  int total = n + (inter != 0);
  if (total > IND_WATERFALL_MAX) spec_error(L, fn, "at most %d bars besides the total", IND_WATERFALL_MAX);
  const char **labels = lua_newuserdatauv(L, (size_t)total * sizeof *labels, 0);
  double *values = lua_newuserdatauv(L, (size_t)total * sizeof *values, 0);
  memcpy(labels, given, (size_t)n * sizeof *labels);
  memcpy(values, given_v, (size_t)n * sizeof *values);
  if (inter) {
    labels[n] = NULL; /* the fixed label */
    values[n] = lua_tonumber(L, inter);
    if (!isfinite(values[n])) spec_error(L, fn, "interaction: a finite number expected, got %f", values[n]);
  }
  const char *title = spec_text(L, 3, "title", fn, ""), *ylabel = spec_text(L, 3, "ylabel", fn, "");
  const char *total_label = spec_text(L, 3, "total_label", fn, "");
  ind_plot_opts o = lind_plot_opts(L, 4);
  return lind_plot_result(L, ind_plot_waterfall(dir, stem, title, ylabel, total, labels, values, total_label, &o, &err),
                          &err);
}

/* core.plot_label(name [, lang]) -> the engine's fixed text, e.g. ("sobol_first", "both") ->
 * "Chỉ số Sobol bậc nhất / First-order Sobol index"; lang vi, en or both (default). */
static int out_plot_label(lua_State *L) {
  ind_err err;
  ind_lang lang;
  char buf[512];
  const char *name = luaL_checkstring(L, 1);
  int id = ind_label_find(name);
  if (id < 0) return spec_error(L, "plot_label", "no fixed label '%s'", name);
  if (ind_lang_parse(luaL_optstring(L, 2, NULL), &lang, &err)) return spec_error(L, "plot_label", "%s", err.msg);
  lua_pushstring(L, ind_label_format(ind_label_get((ind_label_id)id), lang, " / ", buf, sizeof buf));
  return 1;
}

static void push_pair(lua_State *L, ind_label l) {
  lua_createtable(L, 0, 2);
  lua_pushstring(L, l.vi);
  lua_setfield(L, -2, "vi");
  lua_pushstring(L, l.en);
  lua_setfield(L, -2, "en");
}

/* core.var_texts(name [, basis]) -> {vi =, en =} name, {vi =, en =} unit of
 * an annual variable as the values of r:get give it (a fraction stays a
 * fraction, not the % of the plots; money at constant prices names basis);
 * nil for an unknown name. */
static int out_var_texts(lua_State *L) {
  int var = ind_var_find(luaL_checkstring(L, 1));
  if (var < 0) return 0;
  char buf[256];
  push_pair(L, ind_var_name_label(var));
  const ind_label fraction = {"tỷ lệ 0–1", "fraction"};
  push_pair(L, strcmp(ind_var_info_get(var)->unit, "fraction") == 0
                 ? fraction
                 : ind_var_unit_label_basis(var, luaL_optstring(L, 2, NULL), buf, sizeof buf));
  return 2;
}

static const luaL_Reg output_funcs[] = {
  {"summary_text", out_summary_text},
  {"fit_text", out_fit_text},
  {"plot_projection", out_plot_projection},
  {"plot_compare", out_plot_compare},
  {"plot_lines", out_plot_lines},
  {"plot_ranking", out_plot_ranking},
  {"plot_tornado", out_plot_tornado},
  {"plot_waterfall", out_plot_waterfall},
  {"plot_label", out_plot_label},
  {"var_texts", out_var_texts},
  {"safe_name", out_safe_name},
  {"mkdir", out_mkdir},
  {"write_csv", out_write_csv},
  {"write_table", out_write_table},
  {NULL, NULL},
};

void lind_open_output(lua_State *L) { luaL_setfuncs(L, output_funcs, 0); }
