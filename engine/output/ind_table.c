/* ind_table.c — terminal tables: a grid of text cells, aligned by display
 * width, and the summary, fit and warning tables built on it. */
#include "ind_table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ind_observe.h"
#include "ind_utf8.h"
#include "ind_var.h"

/* ---- the tables' texts, by language (IND_LANG_VI; English otherwise) ---- */

typedef struct table_texts {
  const char *scenario, *title, *pv, *growth, *gain, *cost;   /* summary headings (pv, growth, gain take years) */
  const char *note_pv, *note_growth, *note_gain, *note_cost;  /* summary notes (printf formats) */
  const char *fit_head[6], *fit_intro, *fit_units, *fit_none;
} table_texts;

static const table_texts texts_en = {
  "scenario", "title", "PV %d", "growth %d–%d", "gain %d", "cost",
  "PV: industrial production value of all sectors, bn VND%s%s.\n",
  "growth: average annual growth of PV over %d–%d (from the %d level), %%/yr.\n",
  "gain: PV above the baseline '%s' in the same year, %%.\n",
  "cost: policy cost summed over the scenario's whole period, bn VND as the scenario states it.\n\n",
  {"observation", "observed", "model", "difference", "se", "!"},
  "Fit of '%s'%s%s to its %d observations.\n",
  "growth in %, levels in bn VND; difference = model − observed: percentage points for growth,\n"
  "% of the observed value for levels; ! marks |difference| > 2 se.\n\n",
  "(no observations)\n",
};

static const table_texts texts_vi = {
  "kịch bản", "tên", "GTSX %d", "tăng trưởng %d–%d", "tăng thêm %d", "chi phí",
  "GTSX: giá trị sản xuất công nghiệp của mọi khu vực, tỷ đồng%s%s.\n",
  "tăng trưởng: tốc độ tăng bình quân năm của GTSX %d–%d (từ mức năm %d), %%/năm.\n",
  "tăng thêm: GTSX cao hơn kịch bản cơ sở '%s' cùng năm, %%.\n",
  "chi phí: tổng chi phí chính sách trong cả thời kỳ của kịch bản, tỷ đồng như kịch bản nêu.\n\n",
  {"quan sát", "số liệu", "mô hình", "chênh lệch", "sai số", "!"},
  "Mức khớp của '%s'%s%s với %d quan sát.\n",
  "tăng trưởng tính bằng %, mức tính bằng tỷ đồng; chênh lệch = mô hình − số liệu: điểm phần trăm\n"
  "với tăng trưởng, % giá trị quan sát với mức; ! đánh dấu |chênh lệch| > 2 sai số.\n\n",
  "(không có quan sát)\n",
};

static const table_texts *texts_of(ind_lang lang) { return lang == IND_LANG_VI ? &texts_vi : &texts_en; }

#define CELL 256          /* bytes per cell: room for TITLE_WIDTH columns of NFD text */
#define MAX_COLS 40
#define TITLE_WIDTH 36    /* longer titles are cut with an ellipsis */
#define NONE "—"          /* a value that does not exist */

/* ---- grid ---- */

typedef struct grid {
  int ncols, nrows, cap;
  int failed;               /* out of memory: nothing is printed */
  char *cells;
  char align[MAX_COLS + 1]; /* 'l' or 'r' per column */
} grid;

static char *cell(grid *g, int row, int col) {
  return g->cells + ((size_t)row * (size_t)g->ncols + (size_t)col) * CELL;
}

/* Appends an empty row; returns its index, -1 when out of memory. */
static int grid_row(grid *g) {
  if (g->failed) return -1;
  if (g->nrows == g->cap) {
    int cap = g->cap ? 2 * g->cap : 8;
    char *grown = realloc(g->cells, (size_t)cap * (size_t)g->ncols * CELL);
    if (!grown) {
      g->failed = 1;
      return -1;
    }
    g->cells = grown;
    g->cap = cap;
  }
  memset(cell(g, g->nrows, 0), 0, (size_t)g->ncols * CELL);
  return g->nrows++;
}

static void pad(FILE *out, size_t n) {
  while (n--) fputc(' ', out);
}

static void print_row(grid *g, int row, const size_t *w, FILE *out) {
  int last = g->ncols - 1;
  while (last > 0 && !*cell(g, row, last)) last--; /* no trailing blanks */
  for (int c = 0; c <= last; c++) {
    const char *t = cell(g, row, c);
    size_t gap = w[c] - ind_utf8_width(t);
    if (c) fputs("  ", out);
    if (g->align[c] == 'r') pad(out, gap);
    fputs(t, out);
    if (g->align[c] != 'r' && c < last) pad(out, gap);
  }
  fputc('\n', out);
}

/* Prints the grid, row 0 as the header underlined with dashes. */
static void grid_print(grid *g, FILE *out) {
  size_t w[MAX_COLS] = {0};
  for (int r = 0; r < g->nrows; r++)
    for (int c = 0; c < g->ncols; c++) {
      size_t cw = ind_utf8_width(cell(g, r, c));
      if (cw > w[c]) w[c] = cw;
    }
  for (int r = 0; r < g->nrows; r++) {
    print_row(g, r, w, out);
    if (r > 0) continue;
    for (int c = 0; c < g->ncols; c++) {
      if (c) fputs("  ", out);
      for (size_t k = 0; k < w[c]; k++) fputc('-', out);
    }
    fputc('\n', out);
  }
}

/* Formats x into a cell with fmt, or NONE when x is not finite. */
static void put_number(char *c, const char *fmt, double x) {
  if (isfinite(x)) snprintf(c, CELL, fmt, x);
  else snprintf(c, CELL, "%s", NONE);
}

/* Copies text into a cell, cut to `width` (>= 2) columns with an ellipsis. */
static void put_text(char *c, const char *text, size_t width) {
  size_t keep = ind_utf8_prefix(text, width);
  int cut = text[keep] != '\0';
  if (cut) keep = ind_utf8_prefix(text, width - 1);
  if (keep > CELL - sizeof "…") keep = 0; /* cannot happen with CELL >= 7·TITLE_WIDTH */
  snprintf(c, CELL, "%.*s%s", (int)keep, text, cut ? "…" : "");
}

static ind_status finish(grid *g, FILE *out, ind_err *err) {
  ind_status st = IND_OK;
  if (g->failed) st = ind_err_set(err, IND_ENOMEM, "out of memory");
  else grid_print(g, out);
  free(g->cells);
  if (!st && ferror(out)) st = ind_err_set(err, IND_EIO, "cannot write the table");
  return st;
}

/* ---- summary ---- */

typedef struct summary {
  const ind_scenario *const *scs;
  const ind_result *const *rs;
  int n, baseline;
  const int *years;
  int nyears;
  int from, to; /* growth from the level of year `from` to that of `to` */
} summary;

static double total_pv(const ind_result *r, int year) {
  return ind_result_get(r, year, IND_TOTAL, IND_V_PRODUCTION_VALUE);
}

static int last_observed_year(const ind_scenario *sc) {
  int last = -1;
  for (int k = 0; k < sc->nobs; k++)
    if (last < 0 || sc->obs[k].year1 > last) last = sc->obs[k].year1;
  return last;
}

/* The growth period: from the reference's last observed year (or years[0]) to
 * the last of years. */
static void growth_period(summary *s) {
  const ind_scenario *ref = s->scs[s->baseline >= 0 ? s->baseline : 0];
  s->to = s->years[s->nyears - 1];
  s->from = last_observed_year(ref);
  if (s->from < 0 || s->from >= s->to) s->from = s->years[0];
  if (s->from >= s->to) s->from = ref->first_year;
}

/* the headings' formats are the texts' own: not from the user */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void summary_header(const summary *s, const table_texts *t, grid *g) {
  int c = 0;
  snprintf(cell(g, 0, c++), CELL, "%s", t->scenario);
  snprintf(cell(g, 0, c++), CELL, "%s", t->title);
  for (int j = 0; j < s->nyears; j++) snprintf(cell(g, 0, c++), CELL, t->pv, s->years[j]);
  snprintf(cell(g, 0, c++), CELL, t->growth, s->from + 1, s->to);
  for (int j = 0; s->baseline >= 0 && j < s->nyears; j++) snprintf(cell(g, 0, c++), CELL, t->gain, s->years[j]);
  snprintf(cell(g, 0, c++), CELL, "%s", t->cost);
}

static void summary_row(const summary *s, int i, grid *g, int row) {
  const ind_scenario *sc = s->scs[i];
  const ind_result *r = s->rs[i];
  int c = 0;
  put_text(cell(g, row, c++), sc->name, TITLE_WIDTH);
  put_text(cell(g, row, c++), sc->title ? sc->title : "", TITLE_WIDTH);
  for (int j = 0; j < s->nyears; j++) put_number(cell(g, row, c++), "%.0f", total_pv(r, s->years[j]));
  double ratio = total_pv(r, s->to) / total_pv(r, s->from);
  put_number(cell(g, row, c++), "%.2f", 100.0 * (pow(ratio, 1.0 / (s->to - s->from)) - 1.0));
  for (int j = 0; s->baseline >= 0 && j < s->nyears; j++) {
    double base = total_pv(s->rs[s->baseline], s->years[j]);
    put_number(cell(g, row, c++), "%+.2f", 100.0 * (total_pv(r, s->years[j]) / base - 1.0));
  }
  double cost = ind_policy_cost_between(sc, sc->first_year, sc->last_year + 1.0);
  put_number(cell(g, row, c++), "%.0f", cost);
}

static void summary_notes(const summary *s, const table_texts *t, const char *basis, FILE *out) {
  fprintf(out, t->note_pv, basis ? ", " : "", basis ? basis : "");
  fprintf(out, t->note_growth, s->from + 1, s->to, s->from);
  if (s->baseline >= 0) fprintf(out, t->note_gain, s->scs[s->baseline]->name);
  fputs(t->note_cost, out);
}
#pragma GCC diagnostic pop

static ind_status check_summary(const summary *s, ind_err *err) {
  if (!s->scs || !s->rs || s->n < 1) return ind_err_set(err, IND_EINVAL, "no scenarios for the summary");
  if (s->baseline < -1 || s->baseline >= s->n)
    return ind_err_set(err, IND_EINVAL, "baseline %d outside -1..%d", s->baseline, s->n - 1);
  if (!s->years || s->nyears < 1 || s->nyears > IND_TABLE_MAX_YEARS)
    return ind_err_set(err, IND_EINVAL, "summary needs 1..%d years", IND_TABLE_MAX_YEARS);
  for (int i = 0; i < s->n; i++)
    if (!s->scs[i] || !s->rs[i]) return ind_err_set(err, IND_EINVAL, "scenario %d has no result", i + 1);
  return IND_OK;
}

ind_status ind_table_summary(FILE *out, const ind_scenario *const *scs, const ind_result *const *rs,
                             int n, int baseline, const int *years, int nyears, const char *basis,
                             ind_lang lang, ind_err *err) {
  const table_texts *t = texts_of(lang);
  summary s = {scs, rs, n, baseline, years, nyears, 0, 0};
  ind_status st = check_summary(&s, err);
  if (st) return st;
  growth_period(&s);
  grid g = {4 + nyears * (baseline >= 0 ? 2 : 1), 0, 0, 0, NULL, ""}; /* name, title, years, growth, gains, cost */
  memset(g.align, 'r', (size_t)g.ncols);
  g.align[0] = g.align[1] = 'l';
  if (grid_row(&g) == 0) summary_header(&s, t, &g);
  for (int i = 0; i < n; i++) {
    int row = grid_row(&g);
    if (row > 0) summary_row(&s, i, &g, row);
  }
  summary_notes(&s, t, basis, out);
  return finish(&g, out, err);
}

/* ---- fit ---- */

static int is_growth_kind(ind_obs_kind k) { return k != IND_OBS_LEVEL; }

static void fit_row(const ind_scenario *sc, const ind_observation *o, double model, ind_lang lang, grid *g, int row) {
  int growth = is_growth_kind(o->kind);
  double diff = model - o->value;
  char label[160];
  snprintf(cell(g, row, 0), CELL, "%s", ind_obs_label(o, sc, lang, label, sizeof label));
  if (growth) {
    put_number(cell(g, row, 1), "%.2f %%", 100.0 * o->value);
    put_number(cell(g, row, 2), "%.2f %%", 100.0 * model);
    put_number(cell(g, row, 3), "%+.2f pp", 100.0 * diff);
    put_number(cell(g, row, 4), "%.2f pp", 100.0 * o->se);
  } else {
    put_number(cell(g, row, 1), "%.0f", o->value);
    put_number(cell(g, row, 2), "%.0f", model);
    put_number(cell(g, row, 3), "%+.2f %%", 100.0 * diff / o->value);
    put_number(cell(g, row, 4), "%.2f %%", 100.0 * o->se / o->value);
  }
  snprintf(cell(g, row, 5), CELL, "%s", fabs(diff) > 2.0 * o->se || !isfinite(diff) ? "!" : "");
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
ind_status ind_table_fit(FILE *out, const ind_scenario *sc, const ind_result *r, ind_lang lang, ind_err *err) {
  const table_texts *t = texts_of(lang);
  if (!sc || !r || r->nobs != sc->nobs) return ind_err_set(err, IND_EINVAL, "no run of the scenario to compare");
  fprintf(out, t->fit_intro, sc->name, sc->title && *sc->title ? " — " : "", sc->title ? sc->title : "", sc->nobs);
  fputs(t->fit_units, out);
  if (sc->nobs == 0) {
    fputs(t->fit_none, out);
    return ferror(out) ? ind_err_set(err, IND_EIO, "cannot write the table") : IND_OK;
  }
  grid g = {6, 0, 0, 0, NULL, "lrrrrl"};
  if (grid_row(&g) == 0)
    for (int c = 0; c < 6; c++) snprintf(cell(&g, 0, c), CELL, "%s", t->fit_head[c]);
  for (int k = 0; k < sc->nobs; k++) {
    int row = grid_row(&g);
    if (row > 0) fit_row(sc, &sc->obs[k], r->obs_model[k], lang, &g, row);
  }
  return finish(&g, out, err);
}
#pragma GCC diagnostic pop

/* ---- warnings ---- */

int ind_table_warnings(FILE *out, const ind_scenario *sc, const ind_result *r) {
  int count = 0;
  for (const char *p = r && r->warnings ? r->warnings : ""; *p;) {
    size_t k = strcspn(p, "\n");
    if (k) {
      fprintf(out, "warning: %s: %.*s\n", sc->name, (int)k, p);
      count++;
    }
    p += k + (p[k] == '\n');
  }
  return count;
}
