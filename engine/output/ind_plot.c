/* ind_plot.c — the chart kinds (projection, compare, lines, fan): what data
 * and texts each hands to its template; the shared steps are in ind_plotjob.c. */
#include "ind_plot.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ind_gnuplot.h"
#include "ind_gpscript.h"
#include "ind_observe.h"
#include "ind_plotjob.h"
#include "ind_utf8.h"
#include "ind_var.h"

static int is_fraction(int var) { return strcmp(ind_var_info_get(var)->unit, "fraction") == 0; }

#define KEY_ROW_PX 24       /* the templates give each legend row this much height */
#define KEY_EXTRA_PX 36     /* and the legend panel this much more */
#define KEY_WIDE_TEXT 55    /* a legend text wider than this (code points): one column */

/* Rows of a legend of `entries` texts, the longest `longest` code points wide:
 * two columns, or one when a text is too wide for two. */
static int key_rows(int entries, size_t longest) {
  int cols = longest > KEY_WIDE_TEXT ? 1 : 2;
  return (entries + cols - 1) / cols;
}

/* Canvas height: the charts' height plus the legend panel. */
static int canvas_height(int charts, int rows) { return charts + KEY_ROW_PX * rows + KEY_EXTRA_PX; }

static ind_status check_run(const ind_scenario *sc, const ind_result *r, ind_err *err) {
  if (!sc || !r) return ind_err_set(err, IND_EINVAL, "no scenario or no result to plot");
  if (r->nsectors != sc->nsectors || r->nobs != sc->nobs || r->first_year != sc->first_year)
    return ind_err_set(err, IND_EINVAL, "result does not belong to scenario '%s'", sc->name);
  return IND_OK;
}

/* ---- projection ---- */

typedef struct projection_ctx {
  const ind_scenario *sc;
  const ind_result *r;
  int key_rows;
} projection_ctx;

/* $name: the middle of each year, then var (× scale) of each sector and the total. */
static void sectors_block(FILE *f, const char *name, const ind_result *r, int var, double scale) {
  ind_gp_block_begin(f, name);
  for (int k = 0; k < r->nyears; k++) {
    int y = r->first_year + k;
    ind_gp_number(f, y + 0.5);
    for (int i = 0; i <= r->nsectors; i++) {
      fputc(' ', f);
      ind_gp_number(f, scale * ind_result_get(r, y, i == r->nsectors ? IND_TOTAL : i, var));
    }
    fputc('\n', f);
  }
  ind_gp_block_end(f);
}

static int is_growth_kind(ind_obs_kind k) { return k != IND_OBS_LEVEL; }

/* Where an observation goes on the time axis: x, and the span [lo, hi] it covers. */
static void place_obs(const ind_observation *o, double *x, double *lo, double *hi) {
  if (o->kind == IND_OBS_AVG_GROWTH) {
    *lo = o->year0;
    *hi = o->year1 + 1.0;
    *x = 0.5 * (*lo + *hi);
  } else {
    double mid = o->kind == IND_OBS_PERIOD_GROWTH ? (o->m0 + o->m1) / 24.0 : 0.5;
    *x = *lo = *hi = o->year0 + mid;
  }
}

/* End instant of the latest observed period, NaN without observations. */
static double history_end(const ind_scenario *sc) {
  double end = NAN;
  for (int k = 0; k < sc->nobs; k++) {
    const ind_observation *o = &sc->obs[k];
    double t = o->kind == IND_OBS_PERIOD_GROWTH ? ind_obs_time(o->year0, o->m1) : o->year1 + 1.0;
    if (isnan(end) || t > end) end = t;
  }
  return end;
}

#define ALL_SECTORS (IND_TOTAL - 1) /* obs_block: the observations of every sector and the total */

/* Whether obs_block draws observation o: production value, growth kinds or
 * levels, of sector (or of any, ALL_SECTORS). */
static int obs_drawn(const ind_observation *o, int sector, int growth) {
  return o->var == IND_V_PRODUCTION_VALUE && is_growth_kind(o->kind) == growth &&
         (sector == ALL_SECTORS || o->sector == sector);
}

/* $name: the observations obs_drawn picks, with model[k] the model's value of
 * observation k: x xlo xhi observed se model series (sector + 1; nsectors + 1
 * for the total). Returns how many. */
static int obs_block(FILE *f, const char *name, const ind_scenario *sc, const double *model, int sector,
                     int growth) {
  double scale = growth ? 100.0 : 1.0;
  int count = 0;
  ind_gp_block_begin(f, name);
  for (int k = 0; k < sc->nobs; k++) {
    const ind_observation *o = &sc->obs[k];
    if (!obs_drawn(o, sector, growth)) continue;
    double row[7], se = isfinite(o->se) ? o->se : 0.0;
    place_obs(o, &row[0], &row[1], &row[2]);
    row[3] = scale * o->value;
    row[4] = scale * se;
    row[5] = scale * model[k];
    row[6] = o->sector == IND_TOTAL ? sc->nsectors + 1 : o->sector + 1;
    for (int j = 0; j < 7; j++) {
      if (j) fputc(' ', f);
      ind_gp_number(f, row[j]);
    }
    fputc('\n', f);
    count++;
  }
  ind_gp_block_end(f);
  return count;
}

static void projection_data(FILE *f, const void *ud, ind_lang lang) {
  static const ind_gp_fixed fixed[] = {
    {"title_pv", IND_L_PV_TITLE}, {"label_year", IND_L_YEAR},
    {"label_total", IND_L_TOTAL}, {"label_observed", IND_L_OBSERVED}, {"label_model", IND_L_MODEL},
    {"label_history", IND_L_HISTORY}, {"label_projection", IND_L_PROJECTION}};
  const projection_ctx *c = ud;
  const char *titles[IND_MAX_SECTORS];
  double hist = history_end(c->sc);
  ind_gp_set_string(f, "title_main", ind_plot_scenario_title(c->sc));
  ind_gp_set_fixed(f, fixed, sizeof fixed / sizeof *fixed, lang);
  ind_gp_set_label(f, "title_growth", ind_var_name_label(IND_V_GROWTH), lang, 0);
  char unit[256];
  ind_gp_set_label(f, "label_pv", ind_var_unit_label_basis(IND_V_PRODUCTION_VALUE, c->sc->basis, unit, sizeof unit), lang,
                   1);
  ind_gp_set_label(f, "label_growth", ind_var_unit_label(IND_V_GROWTH), lang, 1);
  for (int i = 0; i < c->sc->nsectors; i++) titles[i] = ind_plot_sector_title(c->sc, i);
  ind_gp_set_strings(f, "sector_titles", c->sc->nsectors, titles);
  ind_gp_set_number(f, "nsectors", c->sc->nsectors);
  ind_gp_set_number(f, "first_year", c->r->first_year);
  ind_gp_set_number(f, "last_year", c->r->first_year + c->r->nyears - 1);
  ind_gp_set_number(f, "has_history", !isnan(hist));
  ind_gp_set_number(f, "history_end", isnan(hist) ? c->r->first_year : hist);
  sectors_block(f, "pv", c->r, IND_V_PRODUCTION_VALUE, 1.0);
  sectors_block(f, "growth", c->r, IND_V_GROWTH, 100.0);
  ind_gp_set_number(f, "n_obs_level", obs_block(f, "obs_level", c->sc, c->r->obs_model, ALL_SECTORS, 0));
  ind_gp_set_number(f, "n_obs_growth", obs_block(f, "obs_growth", c->sc, c->r->obs_model, ALL_SECTORS, 1));
  ind_gp_set_number(f, "key_rows", c->key_rows);
}

/* Rows of the legend: sectors, total, and observed/model when any observation
 * is drawn. */
static int projection_key_rows(const ind_scenario *sc) {
  int drawn = 0;
  size_t longest = 50; /* the fixed labels, both languages */
  for (int k = 0; k < sc->nobs; k++) drawn |= sc->obs[k].var == IND_V_PRODUCTION_VALUE;
  for (int i = 0; i < sc->nsectors; i++) {
    size_t w = ind_utf8_width(ind_plot_sector_title(sc, i));
    if (w > longest) longest = w;
  }
  return key_rows(sc->nsectors + 1 + 2 * drawn, longest);
}

ind_status ind_plot_projection(const char *dir, const char *stem, const ind_scenario *sc,
                               const ind_result *r, const ind_plot_opts *opts, ind_err *err) {
  ind_status st = check_run(sc, r, err);
  if (st) return st;
  projection_ctx ctx = {sc, r, projection_key_rows(sc)};
  ind_plot_job job = {dir, stem, "projection", 1000, canvas_height(760, ctx.key_rows), projection_data, &ctx};
  return ind_plot_job_run(&job, opts, err);
}

/* ---- compare ---- */

#define COMPARE_KEY_NAMED 40 /* at most this many scenarios are named in the legend */

typedef struct compare_ctx {
  const ind_scenario *const *scs;
  const ind_result *const *rs;
  int n, baseline, var;
  int key_named, key_rows; /* the legend names the first key_named scenarios */
} compare_ctx;

static void year_span(const compare_ctx *c, int *y0, int *y1) {
  *y0 = c->rs[0]->first_year;
  *y1 = *y0 + c->rs[0]->nyears - 1;
  for (int s = 1; s < c->n; s++) {
    int a = c->rs[s]->first_year, b = a + c->rs[s]->nyears - 1;
    if (a < *y0) *y0 = a;
    if (b > *y1) *y1 = b;
  }
}

/* The value drawn for scenario s in year y: var in display units, or its gain
 * over the baseline. */
static double compare_value(const compare_ctx *c, int s, int y, int gain) {
  int frac = is_fraction(c->var);
  double v = ind_result_get(c->rs[s], y, IND_TOTAL, c->var);
  if (!gain) return frac ? 100.0 * v : v;
  double b = ind_result_get(c->rs[c->baseline], y, IND_TOTAL, c->var);
  return frac ? 100.0 * (v - b) : 100.0 * (v / b - 1.0);
}

/* $name: year, then one column per scenario. */
static void compare_block(FILE *f, const char *name, const compare_ctx *c, int gain) {
  int y0, y1;
  year_span(c, &y0, &y1);
  ind_gp_block_begin(f, name);
  for (int y = y0; y <= y1; y++) {
    fprintf(f, "%d", y);
    for (int s = 0; s < c->n; s++) {
      fputc(' ', f);
      ind_gp_number(f, compare_value(c, s, y, gain));
    }
    fputc('\n', f);
  }
  ind_gp_block_end(f);
}

static void compare_data(FILE *f, const void *ud, ind_lang lang) {
  static const ind_gp_fixed fixed[] = {{"title_main", IND_L_COMPARE_TITLE}, {"label_year", IND_L_YEAR}};
  const compare_ctx *c = ud;
  ind_gp_set_fixed(f, fixed, sizeof fixed / sizeof *fixed, lang);
  int frac = is_fraction(c->var);
  ind_gp_set_label(f, "title_var", ind_var_name_label(c->var), lang, 0);
  char unit[256];
  ind_gp_set_label(f, "label_var", ind_var_unit_label_basis(c->var, c->scs[0]->basis, unit, sizeof unit), lang, 1);
  ind_gp_set_label(f, "title_gain", ind_label_get(frac ? IND_L_GAIN_PP : IND_L_GAIN), lang, 0);
  ind_gp_set_label(f, "label_gain", ind_label_get(frac ? IND_L_PP : IND_L_PCT), lang, 1);
  fprintf(f, "array scenario_titles[%d]\n", c->n);
  for (int s = 0; s < c->n; s++) ind_gp_set_element(f, "scenario_titles", s + 1, ind_plot_scenario_title(c->scs[s]));
  ind_gp_set_number(f, "nscenarios", c->n);
  ind_gp_set_number(f, "key_named", c->key_named);
  ind_gp_set_number(f, "key_rows", c->key_rows);
  ind_gp_set_number(f, "baseline", c->baseline + 1);
  compare_block(f, "values", c, 0);
  if (c->baseline >= 0) compare_block(f, "gain", c, 1);
}

static ind_status check_compare(const compare_ctx *c, ind_err *err) {
  if (!c->scs || !c->rs || c->n < 1) return ind_err_set(err, IND_EINVAL, "no scenarios to compare");
  if (c->baseline < -1 || c->baseline >= c->n)
    return ind_err_set(err, IND_EINVAL, "baseline %d outside -1..%d", c->baseline, c->n - 1);
  if (!ind_var_info_get(c->var)) return ind_err_set(err, IND_EINVAL, "unknown variable %d", c->var);
  for (int s = 0; s < c->n; s++) {
    ind_status st = check_run(c->scs[s], c->rs[s], err);
    if (st) return st;
  }
  return IND_OK;
}

/* Rows of the legend naming the first key_named scenarios. */
static int compare_key_rows(const compare_ctx *c) {
  size_t longest = 0;
  for (int s = 0; s < c->key_named; s++) {
    size_t w = ind_utf8_width(ind_plot_scenario_title(c->scs[s]));
    if (w > longest) longest = w;
  }
  return key_rows(c->key_named, longest);
}

ind_status ind_plot_compare(const char *dir, const char *stem, const ind_scenario *const *scs,
                            const ind_result *const *rs, int n, int baseline, int var,
                            const ind_plot_opts *opts, ind_err *err) {
  compare_ctx ctx = {scs, rs, n, baseline, var, n < COMPARE_KEY_NAMED ? n : COMPARE_KEY_NAMED, 0};
  ind_status st = check_compare(&ctx, err);
  if (st) return st;
  ctx.key_rows = compare_key_rows(&ctx);
  int height = canvas_height(baseline >= 0 ? 760 : 540, ctx.key_rows);
  ind_plot_job job = {dir, stem, "compare", 1000, height, compare_data, &ctx};
  return ind_plot_job_run(&job, opts, err);
}

/* ---- lines ---- */

typedef struct lines_ctx {
  const char *title, *xlabel, *ylabel;
  int n;
  const ind_line_series *s;
} lines_ctx;

static double at(const double *v, int j) { return v ? v[j] : NAN; }

static void lines_data(FILE *f, const void *ud, ind_lang lang) {
  const lines_ctx *c = ud;
  (void)lang; /* the caller's texts are shown as given */
  ind_gp_set_text(f, "title_main", c->title);
  ind_gp_set_text(f, "label_x", c->xlabel);
  ind_gp_set_text(f, "label_y", c->ylabel);
  fprintf(f, "array series_names[%d]\n", c->n);
  for (int k = 0; k < c->n; k++) ind_gp_set_element(f, "series_names", k + 1, c->s[k].name);
  ind_gp_set_number(f, "nseries", c->n);
  ind_gp_block_begin(f, "data"); /* series separated by two blank lines: `index k` */
  for (int k = 0; k < c->n; k++) {
    const ind_line_series *s = &c->s[k];
    if (k) fputs("\n\n", f);
    if (s->n == 0) fputs("NaN NaN NaN NaN\n", f);
    for (int j = 0; j < s->n; j++) {
      double v[4] = {s->x[j], s->y[j], at(s->lo, j), at(s->hi, j)};
      for (int i = 0; i < 4; i++) {
        if (i) fputc(' ', f);
        ind_gp_number(f, v[i]);
      }
      fputc('\n', f);
    }
  }
  ind_gp_block_end(f);
}

static ind_status check_lines(const lines_ctx *c, ind_err *err) {
  if (c->n < 1 || !c->s) return ind_err_set(err, IND_EINVAL, "no series to plot");
  for (int k = 0; k < c->n; k++) {
    const ind_line_series *s = &c->s[k];
    if (s->n < 0 || (s->n > 0 && (!s->x || !s->y))) return ind_err_set(err, IND_EINVAL, "series %d has no points", k + 1);
    if (!s->lo != !s->hi) return ind_err_set(err, IND_EINVAL, "series %d: a band needs both lo and hi", k + 1);
  }
  return IND_OK;
}

ind_status ind_plot_lines(const char *dir, const char *stem, const char *title, const char *xlabel,
                          const char *ylabel, int nseries, const ind_line_series *series,
                          const ind_plot_opts *opts, ind_err *err) {
  lines_ctx ctx = {title, xlabel, ylabel, nseries, series};
  ind_plot_job job = {dir, stem, "lines", 1000, 700, lines_data, &ctx};
  ind_status st = check_lines(&ctx, err);
  return st ? st : ind_plot_job_run(&job, opts, err);
}

/* ---- fan ---- */

#define FAN_MEDIAN 2 /* ind_fan_levels[FAN_MEDIAN] == 0.5 */

typedef struct fan_ctx {
  const ind_scenario *sc;
  const ind_ensemble *e;
  int gain, sector;
  const char *baseline_name;
  ind_stats *top, *bottom; /* a year each: production value and growth, or the gain and the gain in % */
  double *obs_median;      /* each observation: the median over the draws of the model's value */
  int key_rows;
} fan_ctx;

/* $name: t n mean q05 q25 q50 q75 q95 (× scale) of each year, t its middle;
 * a year without a value (n = 0) is all NaN: a gap. Then n_<name>, the years
 * with a value (with none, the template fixes the axis: gnuplot cannot
 * autoscale it). */
static void fan_block(FILE *f, const char *name, const ind_scenario *sc, const ind_stats *st, double scale) {
  char count_var[64];
  int count = 0;
  ind_gp_block_begin(f, name);
  for (int k = 0; k <= sc->last_year - sc->first_year; k++) {
    int have = st[k].n > 0;
    count += have;
    ind_gp_number(f, sc->first_year + k + 0.5);
    fprintf(f, " %ld ", st[k].n);
    ind_gp_number(f, have ? scale * st[k].mean : NAN);
    for (int q = 0; q < IND_NFAN; q++) {
      fputc(' ', f);
      ind_gp_number(f, have ? scale * st[k].q[q] : NAN);
    }
    fputc('\n', f);
  }
  ind_gp_block_end(f);
  snprintf(count_var, sizeof count_var, "n_%s", name);
  ind_gp_set_number(f, count_var, count);
}

/* "2000 lượt mô phỏng, 3 lỗi / 2000 draws, 3 failed" in lang; no failures, no second part. */
static const char *draws_text(const ind_ensemble *e, ind_lang lang, char *buf, size_t n) {
  ind_label d = ind_label_get(IND_L_DRAWS), x = ind_label_get(IND_L_FAILED);
  long draws = ind_ensemble_draws(e), failed = ind_ensemble_failed(e);
  char vi[160], en[160];
  if (failed) {
    snprintf(vi, sizeof vi, "%ld %s, %ld %s", draws, d.vi, failed, x.vi);
    snprintf(en, sizeof en, "%ld %s, %ld %s", draws, d.en, failed, x.en);
  } else {
    snprintf(vi, sizeof vi, "%ld %s", draws, d.vi);
    snprintf(en, sizeof en, "%ld %s", draws, d.en);
  }
  return ind_label_format((ind_label){vi, en}, lang, " / ", buf, n);
}

static void fan_level_data(FILE *f, const fan_ctx *c, ind_lang lang) {
  static const ind_gp_fixed fixed[] = {
    {"label_observed", IND_L_OBSERVED}, {"label_obs_median", IND_L_OBS_MEDIAN},
    {"label_history", IND_L_HISTORY}, {"label_projection", IND_L_PROJECTION}};
  ind_gp_set_fixed(f, fixed, sizeof fixed / sizeof *fixed, lang);
  ind_gp_set_label(f, "title_pv", ind_var_name_label(IND_V_PRODUCTION_VALUE), lang, 0);
  char unit[256];
  ind_gp_set_label(f, "label_pv", ind_var_unit_label_basis(IND_V_PRODUCTION_VALUE, c->sc->basis, unit, sizeof unit), lang,
                   1);
  ind_gp_set_label(f, "title_growth", ind_var_name_label(IND_V_GROWTH), lang, 0);
  ind_gp_set_label(f, "label_growth", ind_var_unit_label(IND_V_GROWTH), lang, 1);
  fan_block(f, "pv", c->sc, c->top, 1.0);
  fan_block(f, "growth", c->sc, c->bottom, 100.0);
  ind_gp_set_number(f, "n_obs_level", obs_block(f, "obs_level", c->sc, c->obs_median, c->sector, 0));
  ind_gp_set_number(f, "n_obs_growth", obs_block(f, "obs_growth", c->sc, c->obs_median, c->sector, 1));
}

static void fan_gain_data(FILE *f, const fan_ctx *c, ind_lang lang) {
  static const ind_gp_fixed fixed[] = {
    {"label_gain_over", IND_L_GAIN_OVER}, {"title_gain", IND_L_PV_GAIN}, {"title_gain_pct", IND_L_PV_GAIN_PCT}};
  ind_gp_set_fixed(f, fixed, sizeof fixed / sizeof *fixed, lang);
  if (c->baseline_name) ind_gp_set_string(f, "title_baseline", c->baseline_name);
  else ind_gp_set_label(f, "title_baseline", ind_label_get(IND_L_BASELINE), lang, 0);
  char unit[256];
  ind_gp_set_label(f, "label_gain", ind_var_unit_label_basis(IND_V_PRODUCTION_VALUE, c->sc->basis, unit, sizeof unit),
                   lang, 1);
  ind_gp_set_label(f, "label_gain_pct", ind_label_get(IND_L_PCT), lang, 1);
  fan_block(f, "gain", c->sc, c->top, 1.0);
  fan_block(f, "gain_pct", c->sc, c->bottom, 1.0);
}

static void fan_data(FILE *f, const void *ud, ind_lang lang) {
  static const ind_gp_fixed fixed[] = {
    {"label_year", IND_L_YEAR}, {"label_median", IND_L_MEDIAN}, {"label_mean", IND_L_MEAN},
    {"label_band90", IND_L_BAND_90}, {"label_band50", IND_L_BAND_50}};
  const fan_ctx *c = ud;
  const ind_scenario *sc = c->sc;
  double hist = history_end(sc);
  char buf[512];
  ind_gp_set_string(f, "title_main", ind_plot_scenario_title(sc));
  if (c->sector == IND_TOTAL) ind_gp_set_label(f, "title_sector", ind_label_get(IND_L_TOTAL), lang, 0);
  else ind_gp_set_string(f, "title_sector", ind_plot_sector_title(sc, c->sector));
  ind_gp_set_string(f, "label_draws", draws_text(c->e, lang, buf, sizeof buf));
  ind_gp_set_fixed(f, fixed, sizeof fixed / sizeof *fixed, lang);
  ind_gp_set_number(f, "draws", (double)ind_ensemble_draws(c->e));
  ind_gp_set_number(f, "failed", (double)ind_ensemble_failed(c->e));
  ind_gp_set_number(f, "series", c->sector == IND_TOTAL ? sc->nsectors + 1 : c->sector + 1);
  ind_gp_set_number(f, "nsectors", sc->nsectors);
  ind_gp_set_number(f, "first_year", sc->first_year);
  ind_gp_set_number(f, "last_year", sc->last_year);
  ind_gp_set_number(f, "has_history", !isnan(hist));
  ind_gp_set_number(f, "history_end", isnan(hist) ? sc->first_year : hist);
  ind_gp_set_number(f, "key_rows", c->key_rows);
  if (c->gain) fan_gain_data(f, c, lang);
  else fan_level_data(f, c, lang);
}

static ind_status check_fan(const fan_ctx *c, ind_set set, ind_err *err) {
  if (!c->sc || !c->e) return ind_err_set(err, IND_EINVAL, "no scenario or no ensemble to plot");
  if ((int)set < 0 || (int)set >= IND_NSETS) return ind_err_set(err, IND_EINVAL, "unknown set %d", (int)set);
  if (c->sector != IND_TOTAL && (c->sector < 0 || c->sector >= c->sc->nsectors))
    return ind_err_set(err, IND_EINVAL, "scenario '%s' has no sector %d", c->sc->name, c->sector);
  if (c->gain && !ind_ensemble_has_gains(c->e))
    return ind_err_set(err, IND_EINVAL, "the ensemble of '%s' was run without a baseline: no gains to plot", c->sc->name);
  return IND_OK;
}

/* Reads the statistics the chart shows into c (freed by fan_free). */
static ind_status fan_read(fan_ctx *c, ind_err *err) {
  const ind_scenario *sc = c->sc;
  int n = sc->last_year - sc->first_year + 1;
  ind_set top_set = c->gain ? IND_SET_GAIN : IND_SET_LEVEL, bottom_set = c->gain ? IND_SET_GAIN_PCT : IND_SET_LEVEL;
  int bottom_var = c->gain ? IND_V_PRODUCTION_VALUE : IND_V_GROWTH;
  ind_err cell_err;
  c->top = malloc((size_t)n * sizeof *c->top);
  c->bottom = malloc((size_t)n * sizeof *c->bottom);
  c->obs_median = malloc((size_t)(sc->nobs + 1) * sizeof *c->obs_median);
  if (!c->top || !c->bottom || !c->obs_median) return ind_err_set(err, IND_ENOMEM, "out of memory");
  for (int k = 0; k < n; k++)
    if (ind_ensemble_stats(c->e, top_set, sc->first_year + k, c->sector, IND_V_PRODUCTION_VALUE, &c->top[k], &cell_err) ||
        ind_ensemble_stats(c->e, bottom_set, sc->first_year + k, c->sector, bottom_var, &c->bottom[k], &cell_err))
      return ind_err_set(err, IND_EINVAL, "the ensemble does not belong to scenario '%s' (%s)", sc->name, cell_err.msg);
  for (int k = 0; k < sc->nobs; k++) {
    ind_stats st;
    if (ind_ensemble_obs_stats(c->e, k, &st, &cell_err))
      return ind_err_set(err, IND_EINVAL, "the ensemble does not belong to scenario '%s' (%s)", sc->name, cell_err.msg);
    c->obs_median[k] = st.n > 0 ? st.q[FAN_MEDIAN] : NAN;
  }
  return IND_OK;
}

static void fan_free(fan_ctx *c) {
  free(c->top);
  free(c->bottom);
  free(c->obs_median);
}

/* Rows of the legend: median, mean, the two bands, and observed and the
 * median at the observations when the sector has observations drawn. */
static int fan_key_rows(const fan_ctx *c) {
  int drawn = 0;
  for (int k = 0; !c->gain && k < c->sc->nobs; k++)
    drawn |= obs_drawn(&c->sc->obs[k], c->sector, 0) || obs_drawn(&c->sc->obs[k], c->sector, 1);
  return key_rows(4 + 2 * drawn, 50); /* the fixed labels, both languages */
}

ind_status ind_plot_fan(const char *dir, const char *stem, const ind_scenario *sc, const ind_ensemble *e,
                        ind_set set, int sector, const char *baseline_name, const ind_plot_opts *opts,
                        ind_err *err) {
  fan_ctx ctx = {sc, e, set != IND_SET_LEVEL, sector, baseline_name, NULL, NULL, NULL, 0};
  ind_status st = check_fan(&ctx, set, err);
  if (!st) st = fan_read(&ctx, err);
  if (!st) {
    ctx.key_rows = fan_key_rows(&ctx);
    int charts = ctx.gain ? 800 : 780; /* the projection's 760 and one or two subtitle lines */
    ind_plot_job job = {dir, stem, ctx.gain ? "gainfan" : "fan", 1000, canvas_height(charts, ctx.key_rows), fan_data, &ctx};
    st = ind_plot_job_run(&job, opts, err);
  }
  fan_free(&ctx);
  return st;
}

int ind_plot_have_gnuplot(const ind_plot_opts *opts) {
  return ind_gnuplot_found(opts ? opts->gnuplot : NULL);
}
