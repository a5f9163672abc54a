/* ind_plotwhatif.c — the what-if charts (ranking, tornado, waterfall): what
 * data and texts each hands to its template (plots/ranking.gp, tornado.gp,
 * waterfall.gp) and how big its canvas is; the shared steps are in
 * ind_plotjob.c, the quoting in ind_gpscript.c. */
#include <math.h>
#include <stdlib.h>

#include "ind_gpscript.h"
#include "ind_plot.h"
#include "ind_plotjob.h"
#include "ind_utf8.h"

#define CHAR_PX 7.5    /* a label's width per column, DejaVu Sans 11 */
#define MIN_WIDTH 1000 /* canvas width, pixels */
#define PLOT_PX 680    /* the bars' own width beside the labels */

/* The text of label i of a chart. */
typedef const char *(*label_fn)(const void *ud, int i);

/* Label s cut to IND_PLOT_LABEL_COLS columns ("…" marks the cut), in buf if cut. */
static const char *cut_label(const char *s, char *buf, size_t n) {
  if (!s) return "";
  if (ind_utf8_width(s) <= IND_PLOT_LABEL_COLS) return s;
  snprintf(buf, n, "%.*s…", (int)ind_utf8_prefix(s, IND_PLOT_LABEL_COLS - 1), s);
  return buf;
}

/* `array var[n]` with text(i) for i = 0..n-1, cut by cut_label and, when
 * wrap_cols > 0, broken into lines that wide. */
static void set_labels(FILE *f, const char *var, int n, label_fn text, const void *ud, size_t wrap_cols) {
  char buf[IND_PLOT_LABEL_COLS * 4 + 8];
  fprintf(f, "array %s[%d]\n", var, n);
  for (int i = 0; i < n; i++) {
    const char *s = cut_label(text(ud, i), buf, sizeof buf);
    if (wrap_cols) ind_gp_set_wrapped(f, var, i + 1, s, wrap_cols);
    else ind_gp_set_element(f, var, i + 1, s);
  }
}

/* Columns of the widest of the n labels text(i), as set_labels cuts them. */
static size_t widest(int n, label_fn text, const void *ud) {
  size_t w = 0;
  for (int i = 0; i < n; i++) {
    char buf[IND_PLOT_LABEL_COLS * 4 + 8];
    size_t c = ind_utf8_width(cut_label(text(ud, i), buf, sizeof buf));
    if (c > w) w = c;
  }
  return w;
}

/* Canvas width for a horizontal chart whose rows are labelled up to `cols` columns wide. */
static int side_width(size_t cols) {
  int w = (int)(CHAR_PX * (double)cols) + 60 + PLOT_PX;
  return w < MIN_WIDTH ? MIN_WIDTH : w;
}

static const char *text_or_empty(const char *s) { return s ? s : ""; }

/* Row i of a datablock, into row; 0 leaves the row out. */
typedef int (*row_fn)(const void *ud, int i, double *row);

/* $name with the rows fn gives for i = 0..n-1, ncols numbers each, then
 * n_<name>, their number. With none the block holds the row `none` instead,
 * one that draws nothing (a label's last column, "show", 0; a box of no
 * height): gnuplot 5.4 warns of an empty block even in an empty `for`, and
 * crashes on a `with labels` plot whose only point is undefined. */
static void rows_block(FILE *f, const char *name, int n, int ncols, row_fn fn, const void *ud,
                       const double *none) {
  char var[64];
  double row[8];
  int count = 0;
  ind_gp_block_begin(f, name);
  for (int i = 0; i <= n; i++) {
    if (i < n ? !fn(ud, i, row) : count > 0) continue;
    const double *r = i < n ? row : none;
    for (int j = 0; j < ncols; j++) {
      if (j) fputc(' ', f);
      ind_gp_number(f, r[j]);
    }
    fputc('\n', f);
    count += i < n;
  }
  ind_gp_block_end(f);
  snprintf(var, sizeof var, "n_%s", name);
  ind_gp_set_number(f, var, count);
}

/* ---- ranking ---- */

typedef struct ranking_ctx {
  const char *title, *ylabel;
  int n, nseries;
  const char *const *labels, *const *series;
  const double *const *values, *const *lo, *const *hi;
} ranking_ctx;

static const char *ranking_label(const void *ud, int i) { return ((const ranking_ctx *)ud)->labels[i]; }

static const char *ranking_series(const void *ud, int s) {
  const ranking_ctx *c = ud;
  return c->series ? c->series[s] : NULL;
}

/* An error bar's end: the list's value if there is one, else the bar's own. */
static double bar_end(const double *const *ends, int s, int i, double value) {
  return ends && ends[s] && !isnan(ends[s][i]) ? ends[s][i] : value;
}

static int has_end(const double *const *ends, int s, int i) { return ends && ends[s] && !isnan(ends[s][i]); }

/* The printed values (one series only): x y value where bar i's value goes,
 * past its end or its error bar's, right of a bar >= 0 or left of one < 0. */
static int bar_value_row(const ranking_ctx *c, int i, double *row, int right) {
  double v = c->values[0][i];
  if (c->nseries != 1 || isnan(v) || (v >= 0) != right) return 0;
  row[0] = right ? fmax(v, bar_end(c->hi, 0, i, v)) : fmin(v, bar_end(c->lo, 0, i, v));
  row[1] = i + 1;
  row[2] = v;
  row[3] = 1;
  return 1;
}

static int bar_value_right(const void *ud, int i, double *row) { return bar_value_row(ud, i, row, 1); }
static int bar_value_left(const void *ud, int i, double *row) { return bar_value_row(ud, i, row, 0); }

static void ranking_data(FILE *f, const void *ud, ind_lang lang) {
  static const double none[] = {0, 1, 0, 0}; /* at the first bar's foot */
  const ranking_ctx *c = ud;
  int nerr = 0, negative = 0;
  (void)lang; /* every text is the caller's */
  ind_gp_set_text(f, "title_main", text_or_empty(c->title));
  ind_gp_set_string(f, "label_y", text_or_empty(c->ylabel));
  set_labels(f, "bar_labels", c->n, ranking_label, c, 0);
  set_labels(f, "series_names", c->nseries, ranking_series, c, 0);
  ind_gp_set_number(f, "nbars", c->n);
  ind_gp_set_number(f, "nseries", c->nseries);
  ind_gp_block_begin(f, "bars");
  for (int i = 0; i < c->n; i++) {
    fprintf(f, "%d", i + 1);
    for (int s = 0; s < c->nseries; s++) {
      double v = c->values[s][i];
      int err = !isnan(v) && (has_end(c->lo, s, i) || has_end(c->hi, s, i));
      nerr += err;
      negative |= v < 0 || (err && bar_end(c->lo, s, i, v) < 0);
      fputc(' ', f);
      ind_gp_number(f, v);
      fputc(' ', f);
      ind_gp_number(f, err ? bar_end(c->lo, s, i, v) : NAN);
      fputc(' ', f);
      ind_gp_number(f, err ? bar_end(c->hi, s, i, v) : NAN);
    }
    fputc('\n', f);
  }
  ind_gp_block_end(f);
  ind_gp_set_number(f, "n_err", nerr);
  ind_gp_set_number(f, "has_negative", negative);
  rows_block(f, "values_right", c->n, 4, bar_value_right, c, none);
  rows_block(f, "values_left", c->n, 4, bar_value_left, c, none);
}

static ind_status check_ranking(const ranking_ctx *c, ind_err *err) {
  if (c->n < 1 || c->n > IND_RANKING_MAX || !c->labels)
    return ind_err_set(err, IND_EINVAL, "ranking: 1 to %d labels expected, got %d", IND_RANKING_MAX, c->n);
  if (c->nseries < 1 || c->nseries > IND_RANKING_MAX_SERIES || !c->values)
    return ind_err_set(err, IND_EINVAL, "ranking: 1 to %d series expected, got %d", IND_RANKING_MAX_SERIES, c->nseries);
  for (int s = 0; s < c->nseries; s++)
    if (!c->values[s]) return ind_err_set(err, IND_EINVAL, "ranking: series %d has no values", s + 1);
  return IND_OK;
}

ind_status ind_plot_ranking(const char *dir, const char *stem, const char *title, const char *ylabel, int n,
                            const char *const *labels, int nseries, const char *const *series,
                            const double *const *values, const double *const *lo, const double *const *hi,
                            const ind_plot_opts *opts, ind_err *err) {
  ranking_ctx ctx = {title, ylabel, n, nseries, labels, series, values, lo, hi};
  ind_status st = check_ranking(&ctx, err);
  if (st) return st;
  int row = 10 + 8 * nseries; /* pixels: 18 a row with one series, 26 with two */
  int height = 150 + (nseries > 1 ? 20 * nseries + 12 : 0) + row * n; /* + title, axis, legend */
  ind_plot_job job = {dir, stem, "ranking", side_width(widest(n, ranking_label, &ctx)), height < 420 ? 420 : height,
                      ranking_data, &ctx};
  return ind_plot_job_run(&job, opts, err);
}

/* ---- tornado ---- */

typedef struct tornado_ctx {
  const char *title, *xlabel;
  int n, shown;
  const char *const *labels;
  double center;
  const double *low, *high;
  int *order; /* the inputs by swing, largest first */
} tornado_ctx;

typedef struct swing {
  double size; /* |high - low|, -1 for NaN: last */
  int i;
} swing;

static int by_swing(const void *a, const void *b) {
  const swing *x = a, *y = b;
  if (x->size != y->size) return x->size > y->size ? -1 : 1;
  return (x->i > y->i) - (x->i < y->i); /* ties keep their order */
}

static ind_status tornado_sort(tornado_ctx *c, ind_err *err) {
  swing *w = malloc((size_t)c->n * sizeof *w);
  c->order = malloc((size_t)c->n * sizeof *c->order);
  if (!w || !c->order) {
    free(w);
    return ind_err_set(err, IND_ENOMEM, "out of memory");
  }
  for (int i = 0; i < c->n; i++) {
    double d = fabs(c->high[i] - c->low[i]);
    w[i] = (swing){isnan(d) ? -1.0 : d, i};
  }
  qsort(w, (size_t)c->n, sizeof *w, by_swing);
  for (int i = 0; i < c->n; i++) c->order[i] = w[i].i;
  free(w);
  return IND_OK;
}

static const char *tornado_label(const void *ud, int k) {
  const tornado_ctx *c = ud;
  return c->labels[c->order[k]];
}

/* "20 đầu vào có biên độ lớn nhất (trong số 45) / 20 inputs with the largest
 * swing (of 45)" in lang; "" when every input is drawn. */
static const char *shown_text(const tornado_ctx *c, ind_lang lang, char *buf, size_t n) {
  ind_label top = ind_label_get(IND_L_TOP_SWINGS), of = ind_label_get(IND_L_OF);
  char vi[160], en[160];
  if (c->shown == c->n) return "";
  snprintf(vi, sizeof vi, "%d %s (%s %d)", c->shown, top.vi, of.vi, c->n);
  snprintf(en, sizeof en, "%d %s (%s %d)", c->shown, top.en, of.en, c->n);
  return ind_label_format((ind_label){vi, en}, lang, " / ", buf, n);
}

/* Whether input i's bar reaches further on its low side than on its high. */
static int low_reaches_further(const tornado_ctx *c, int i) {
  double dl = fabs(c->low[i] - c->center), dh = fabs(c->high[i] - c->center);
  return !isnan(dl) && (isnan(dh) || dl >= dh);
}

/* A part of a bar: y xlo xhi side (1 low, 2 high) height (1; 0.7 for the
 * nearer part, drawn over the further one: both sides can lie on one side of
 * the centre). Rows 0..shown-1 are the further parts, shown..2 shown-1 the
 * nearer. */
static int tornado_part(const void *ud, int k, double *row) {
  const tornado_ctx *c = ud;
  int near = k >= c->shown, i = c->order[near ? k - c->shown : k];
  int low_side = low_reaches_further(c, i) != near;
  double v = low_side ? c->low[i] : c->high[i];
  if (isnan(v)) return 0;
  row[0] = (near ? k - c->shown : k) + 1;
  row[1] = fmin(v, c->center);
  row[2] = fmax(v, c->center);
  row[3] = low_side ? 1 : 2;
  row[4] = near ? 0.7 : 1.0;
  return 1;
}

/* Where a bar's outputs are printed: x y at its ends left and right of the centre. */
static int tornado_end(const tornado_ctx *c, int k, double *row, int right) {
  int i = c->order[k];
  double x = right ? fmax(c->low[i], c->high[i]) : fmin(c->low[i], c->high[i]); /* one NaN: the other */
  if (isnan(x) || (right ? x <= c->center : x >= c->center)) return 0;
  row[0] = x;
  row[1] = k + 1;
  row[2] = 1;
  return 1;
}

static int tornado_end_right(const void *ud, int k, double *row) { return tornado_end(ud, k, row, 1); }
static int tornado_end_left(const void *ud, int k, double *row) { return tornado_end(ud, k, row, 0); }

static void tornado_data(FILE *f, const void *ud, ind_lang lang) {
  static const ind_gp_fixed fixed[] = {
    {"label_low", IND_L_INPUT_LOW}, {"label_high", IND_L_INPUT_HIGH}, {"label_centre", IND_L_ALL_MEDIAN}};
  const tornado_ctx *c = ud;
  char buf[512];
  ind_gp_set_text(f, "title_main", text_or_empty(c->title));
  ind_gp_set_string(f, "title_sub", shown_text(c, lang, buf, sizeof buf));
  ind_gp_set_string(f, "label_x", text_or_empty(c->xlabel));
  ind_gp_set_fixed(f, fixed, sizeof fixed / sizeof *fixed, lang);
  set_labels(f, "input_labels", c->shown, tornado_label, c, 0);
  ind_gp_set_number(f, "nbars", c->shown);
  ind_gp_set_number(f, "ninputs", c->n);
  ind_gp_set_number(f, "center", c->center);
  double no_part[] = {1, c->center, c->center, 1, 0}, no_end[] = {c->center, 1, 0}; /* nothing, at the centre */
  rows_block(f, "parts", 2 * c->shown, 5, tornado_part, c, no_part);
  rows_block(f, "ends_right", c->shown, 3, tornado_end_right, c, no_end);
  rows_block(f, "ends_left", c->shown, 3, tornado_end_left, c, no_end);
}

static ind_status check_tornado(const tornado_ctx *c, ind_err *err) {
  if (c->n < 1 || c->n > 1000000 || !c->labels)
    return ind_err_set(err, IND_EINVAL, "tornado: 1 to 1000000 inputs expected, got %d", c->n);
  if (!c->low || !c->high) return ind_err_set(err, IND_EINVAL, "tornado: no low or no high values");
  if (!isfinite(c->center)) return ind_err_set(err, IND_EINVAL, "tornado: the centre value is not a finite number");
  return IND_OK;
}

ind_status ind_plot_tornado(const char *dir, const char *stem, const char *title, const char *xlabel, int n,
                            const char *const *labels, double center, const double *low, const double *high,
                            const ind_plot_opts *opts, ind_err *err) {
  tornado_ctx ctx = {title, xlabel, n, n < IND_TORNADO_SHOWN ? n : IND_TORNADO_SHOWN, labels, center, low, high, NULL};
  ind_status st = check_tornado(&ctx, err);
  if (!st) st = tornado_sort(&ctx, err);
  if (!st) {
    int height = 230 + 32 * ctx.shown; /* title, subtitle, axis, legend; 32 px a bar */
    ind_plot_job job = {dir, stem, "tornado", side_width(widest(ctx.shown, tornado_label, &ctx)),
                        height < 420 ? 420 : height, tornado_data, &ctx};
    st = ind_plot_job_run(&job, opts, err);
  }
  free(ctx.order);
  return st;
}

/* ---- waterfall ---- */

#define WATERFALL_HEIGHT 560 /* pixels, besides the labels under the bars */
#define WATERFALL_SLOT 110   /* pixels a bar at least (the canvas widens past 8 bars) */
#define WATERFALL_MAX_WIDTH 1600 /* to this width; beyond, the bars get narrower */
#define WATERFALL_LINES 5    /* labels that need more lines than this are slanted */
#define LINE_PX 16

typedef struct waterfall_ctx {
  const char *title, *ylabel, *total_label;
  int n;
  const char *const *labels;
  const double *values;
  char interaction[256], total[256]; /* the fixed labels in the chart's language */
  int width, height, left_px;        /* canvas and left margin, pixels */
  int below_px;                      /* room for the labels under the bars */
  size_t wrap_cols;                  /* labels broken into lines this wide; 0: slanted */
} waterfall_ctx;

/* Bar i's label: labels[i], the interaction's for NULL, the total's for i = n. */
static const char *waterfall_label(const void *ud, int i) {
  const waterfall_ctx *c = ud;
  if (i == c->n) return c->total_label ? c->total_label : c->total;
  return c->labels[i] ? c->labels[i] : c->interaction;
}

/* The canvas and how the labels go under the bars: broken into lines as wide
 * as a bar's slot, or, when a label would need more than WATERFALL_LINES lines
 * or holds a word wider than the slot, on one slanted line (45°) with room to
 * the left and below for the longest. */
static void waterfall_layout(waterfall_ctx *c) {
  int bars = c->n + 1, lines = 1;
  double slot;
  c->width = bars * WATERFALL_SLOT + 120;
  c->width = c->width < MIN_WIDTH ? MIN_WIDTH : c->width > WATERFALL_MAX_WIDTH ? WATERFALL_MAX_WIDTH : c->width;
  slot = (c->width - 120.0) / bars;
  c->wrap_cols = (size_t)(slot / 8.5); /* a little air between neighbours */
  c->left_px = 90;
  for (int i = 0; i < bars; i++) {
    char buf[IND_PLOT_LABEL_COLS * 4 + 8];
    size_t widest;
    int k = ind_gp_wrap(cut_label(waterfall_label(c, i), buf, sizeof buf), c->wrap_cols, &widest);
    if (k > lines) lines = k;
    if (7.0 * (double)widest > slot - 6) lines = WATERFALL_LINES + 1; /* a word too wide: 7 px a column is DejaVu's mean */
  }
  if (lines <= WATERFALL_LINES) {
    c->below_px = lines * LINE_PX + 16;
    c->height = WATERFALL_HEIGHT + c->below_px;
    return;
  }
  double reach = 0.71 * CHAR_PX; /* a slanted column's reach across and down */
  char buf[IND_PLOT_LABEL_COLS * 4 + 8];
  int first = (int)(reach * (double)ind_utf8_width(cut_label(waterfall_label(c, 0), buf, sizeof buf)) - slot / 2) + 20;
  c->wrap_cols = 0;
  c->left_px = first > c->left_px ? first : c->left_px;
  c->below_px = (int)(reach * (double)widest(bars, waterfall_label, c)) + 24;
  c->height = WATERFALL_HEIGHT + c->below_px;
}

/* Where bar i ends: start and end (the total from 0 to the sum). */
static void waterfall_span(const waterfall_ctx *c, int i, double *start, double *end) {
  double level = 0.0;
  for (int k = 0; k < i && k < c->n; k++) level += c->values[k];
  *start = i < c->n ? level : 0.0;
  *end = i < c->n ? level + c->values[i] : level;
}

/* Where bar i's value is printed: x y value signed (1 for a step, 0 for the
 * total), above a bar that ends up, below one that ends down. */
static int waterfall_value(const waterfall_ctx *c, int i, double *row, int above) {
  double start, end;
  waterfall_span(c, i, &start, &end);
  if ((end >= start) != above) return 0;
  row[0] = i + 1;
  row[1] = end;
  row[2] = end - start;
  row[3] = i < c->n;
  row[4] = 1;
  return 1;
}

static int waterfall_above(const void *ud, int i, double *row) { return waterfall_value(ud, i, row, 1); }
static int waterfall_below(const void *ud, int i, double *row) { return waterfall_value(ud, i, row, 0); }

static void waterfall_data(FILE *f, const void *ud, ind_lang lang) {
  static const double none[] = {1, 0, 0, 0, 0}; /* at the first bar's foot */
  const waterfall_ctx *c = ud;
  int below = 0;
  (void)lang; /* the fixed labels are in c already, in the chart's language */
  ind_gp_set_text(f, "title_main", text_or_empty(c->title));
  ind_gp_set_string(f, "label_y", text_or_empty(c->ylabel));
  set_labels(f, "bar_labels", c->n + 1, waterfall_label, c, c->wrap_cols);
  ind_gp_set_number(f, "nbars", c->n + 1);
  ind_gp_set_number(f, "slant", c->wrap_cols == 0);
  ind_gp_set_number(f, "left_px", c->left_px);
  ind_gp_set_number(f, "below_px", c->below_px);
  ind_gp_block_begin(f, "steps"); /* i start end kind: 1 rises, 2 falls, 3 the total */
  for (int i = 0; i <= c->n; i++) {
    double start, end;
    waterfall_span(c, i, &start, &end);
    below |= end < 0;
    fprintf(f, "%d ", i + 1);
    ind_gp_number(f, start);
    fputc(' ', f);
    ind_gp_number(f, end);
    fprintf(f, " %d\n", i == c->n ? 3 : end < start ? 2 : 1);
  }
  ind_gp_block_end(f);
  ind_gp_set_number(f, "has_negative", below);
  rows_block(f, "values_above", c->n + 1, 5, waterfall_above, c, none);
  rows_block(f, "values_below", c->n + 1, 5, waterfall_below, c, none);
}

static ind_status check_waterfall(const waterfall_ctx *c, ind_err *err) {
  if (c->n < 1 || c->n > IND_WATERFALL_MAX || !c->labels)
    return ind_err_set(err, IND_EINVAL, "waterfall: 1 to %d steps expected, got %d", IND_WATERFALL_MAX, c->n);
  if (!c->values) return ind_err_set(err, IND_EINVAL, "waterfall: no values");
  for (int i = 0; i < c->n; i++)
    if (!isfinite(c->values[i]))
      return ind_err_set(err, IND_EINVAL, "waterfall: step %d ('%s') is not a finite number", i + 1,
                         c->labels[i] ? c->labels[i] : "interaction");
  return IND_OK;
}

ind_status ind_plot_waterfall(const char *dir, const char *stem, const char *title, const char *ylabel, int n,
                              const char *const *labels, const double *values, const char *total_label,
                              const ind_plot_opts *opts, ind_err *err) {
  waterfall_ctx ctx = {title, ylabel, total_label, n, labels, values, "", "", 0, 0, 0, 0, 0};
  ind_lang lang;
  ind_status st = check_waterfall(&ctx, err);
  if (!st) st = ind_lang_parse(opts ? opts->lang : NULL, &lang, err); /* the labels decide the canvas */
  if (st) return st;
  ind_label_format(ind_label_get(IND_L_INTERACTION), lang, " / ", ctx.interaction, sizeof ctx.interaction);
  ind_label_format(ind_label_get(IND_L_TOTAL), lang, " / ", ctx.total, sizeof ctx.total);
  waterfall_layout(&ctx);
  ind_plot_job job = {dir, stem, "waterfall", ctx.width, ctx.height, waterfall_data, &ctx};
  return ind_plot_job_run(&job, opts, err);
}
