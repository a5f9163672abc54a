/* ind_plotbars.c — horizontal bar charts (template plots/bars.gp): tornado
 * charts, waterfalls and indices with intervals all come down to bars that
 * span lo..hi on a category's row, with an optional whisker. */
#include <math.h>

#include "ind_gpscript.h"
#include "ind_plot.h"
#include "ind_plotjob.h"

#define BAR_ROW 0.7       /* of a row's height, for all the row's bars */
#define ROW_PX 34         /* canvas height a category's row gets (each extra side-by-side series adds half) */
#define MAX_BARS 100000   /* categories × series a chart may hold */

/* Where series s's bar sits in category c's row: y, with half-height h. */
static double bar_y(const ind_bars *b, int c, int s, double *h) {
  double row = b->ncats - c;
  if (b->overlay || b->nseries == 1) {
    *h = BAR_ROW / 2;
    return row;
  }
  double each = BAR_ROW / b->nseries;
  *h = each / 2 * 0.9;
  return row + BAR_ROW / 2 - each * (s + 0.5);
}

static void bars_data(FILE *f, const void *ud, ind_lang lang) {
  const ind_bars *b = ud;
  int whiskers = b->wlo && b->whi && b->wmid;
  (void)lang; /* the caller's texts are shown as given */
  ind_gp_set_string(f, "title_main", b->title ? b->title : "");
  ind_gp_set_string(f, "title_sub", b->subtitle ? b->subtitle : "");
  ind_gp_set_string(f, "label_x", b->xlabel ? b->xlabel : "");
  ind_gp_set_strings(f, "category_names", b->ncats, b->cats);
  ind_gp_set_strings(f, "series_names", b->nseries, b->series);
  ind_gp_set_number(f, "ncategories", b->ncats);
  ind_gp_set_number(f, "nseries", b->nseries);
  ind_gp_set_number(f, "overlay", b->overlay != 0);
  ind_gp_set_number(f, "whiskers", whiskers);
  ind_gp_set_number(f, "reference", b->reference);
  ind_gp_block_begin(f, "data");
  for (int s = 0; s < b->nseries; s++) {
    if (s) fputs("\n\n", f);
    for (int c = 0; c < b->ncats; c++) {
      int k = s * b->ncats + c;
      double h, y = bar_y(b, c, s, &h);
      double v[8] = {b->lo[k], b->hi[k], y, y - h, y + h, NAN, NAN, NAN};
      if (whiskers) v[5] = b->wlo[k], v[6] = b->whi[k], v[7] = b->wmid[k];
      for (int j = 0; j < 8; j++) {
        if (j) fputc(' ', f);
        ind_gp_number(f, v[j]);
      }
      fputc('\n', f);
    }
  }
  ind_gp_block_end(f);
}

static ind_status check_bars(const ind_bars *b, ind_err *err) {
  if (!b || b->ncats < 1 || b->nseries < 1 || !b->cats || !b->series || !b->lo || !b->hi)
    return ind_err_set(err, IND_EINVAL, "no bars to plot");
  if ((double)b->ncats * b->nseries > MAX_BARS)
    return ind_err_set(err, IND_EINVAL, "%d categories × %d series: more than %d bars", b->ncats, b->nseries, MAX_BARS);
  if ((b->wlo != NULL) != (b->whi != NULL) || (b->wlo != NULL) != (b->wmid != NULL))
    return ind_err_set(err, IND_EINVAL, "whiskers need their low, high and middle values");
  return IND_OK;
}

ind_status ind_plot_bars(const char *dir, const char *stem, const ind_bars *b, const ind_plot_opts *opts,
                         ind_err *err) {
  ind_status st = check_bars(b, err);
  if (st) return st;
  int per_row = ROW_PX + (b->overlay ? 0 : ROW_PX / 2 * (b->nseries - 1));
  int height = 170 + per_row * b->ncats;
  ind_plot_job job = {dir, stem, "bars", 1000, height < 400 ? 400 : (height > 8000 ? 8000 : height), bars_data, b};
  return ind_plot_job_run(&job, opts, err);
}
