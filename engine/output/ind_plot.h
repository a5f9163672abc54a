/* ind_plot.h — plots drawn by the external gnuplot program. Each call writes
 * dir/stem.gp, a self-contained gnuplot script (a generated header with every
 * text as a string variable and the data as inline datablocks, then the body
 * of the template plots/<kind>.gp), then runs gnuplot on it without a shell to
 * render dir/stem.png (or .svg). Restyle a chart by editing its template;
 * re-render any time with `cd dir && gnuplot stem.gp`.
 *
 * Failures: IND_EEXTERNAL when gnuplot is missing ("gnuplot not found ...": the
 * caller prints it as a warning, the script is kept) or fails (the message
 * holds the first lines of its error output). No partial image ever carries
 * the final name. */
#ifndef IND_PLOT_H
#define IND_PLOT_H

#include "ind_ensemble.h"
#include "ind_err.h"
#include "ind_run.h"
#include "ind_scenario.h"

typedef struct ind_plot_opts {
  const char *template_dir; /* folder with <kind>.gp templates; NULL or a missing file: the
                               embedded copy (ind_embedded_plots, built from plots/<kind>.gp) */
  const char *format;       /* "png" (default) or "svg" */
  const char *lang;         /* "vi", "en" or "both" (default, "vi / en"): the fixed labels */
  const char *gnuplot;      /* program name or path, default "gnuplot" */
} ind_plot_opts;

/* A scenario's projection, two panels: (top) production value of each sector
 * and the total by year (log scale; a year's value at its middle), the
 * historical period (up to the end of the last observation) shaded, observed
 * levels as points with ±1 se bars; (bottom)
 * annual growth in % of the sectors and the total, with the observed growth
 * rates (a year's at its middle, an average over y0..y1 as a segment from y0 to
 * y1 + 1, a sub-year period at its middle) with ±1 se bars, coloured by sector
 * (black: total), and the model's value of each beside it as an open marker;
 * the legend under both. Observations of value added are not drawn. opts may
 * be NULL. */
ind_status ind_plot_projection(const char *dir, const char *stem, const ind_scenario *sc,
                               const ind_result *r, const ind_plot_opts *opts, ind_err *err);

/* Several scenarios' total of annual variable var (an ind_var; fractions in %)
 * on one chart (top) and, when baseline >= 0 (an index into scs), the gain over
 * the baseline in % (percentage points for fractions) below; the legend under
 * them names the first 40 scenarios (a scenario's title, else its name). */
ind_status ind_plot_compare(const char *dir, const char *stem, const ind_scenario *const *scs,
                            const ind_result *const *rs, int n, int baseline, int var,
                            const ind_plot_opts *opts, ind_err *err);

/* Generic x–y lines with points, for what-if scripts (sweeps, budget splits):
 * series k has npts[k] points (x[k][j], y[k][j]) and the legend names[k]; NaN
 * leaves a gap. title and the axis labels are shown as given. */
ind_status ind_plot_lines(const char *dir, const char *stem, const char *title, const char *xlabel,
                          const char *ylabel, int nseries, const char *const *names,
                          const double *const *x, const double *const *y, const int *npts,
                          const ind_plot_opts *opts, ind_err *err);

/* A scenario's Monte Carlo fan chart for one sector (or IND_TOTAL), from the
 * ensemble e of that scenario; the subtitle names the sector and the number of
 * draws (and of failed ones).
 * set IND_SET_LEVEL (template plots/fan.gp): two panels like the projection,
 * production value (log scale) and annual growth in %, each with its 5–95 %
 * and 25–75 % bands shaded, the median as a line and the mean as a thin dashed
 * line; the sector's observations (the total's for IND_TOTAL) marked as the
 * projection marks them, with the median over the draws of the model's value
 * of each beside it, and the historical period shaded.
 * set IND_SET_GAIN or IND_SET_GAIN_PCT (plots/gainfan.gp; e needs a baseline):
 * the gain over the baseline, in bn VND (top) and in % (bottom), bands, median
 * and mean, a zero line; the subtitle names baseline_name (NULL: "the
 * baseline"). A year with no value (growth of the first year; a gain in % over
 * a zero) is a gap. opts may be NULL. */
ind_status ind_plot_fan(const char *dir, const char *stem, const ind_scenario *sc, const ind_ensemble *e,
                        ind_set set, int sector, const char *baseline_name, const ind_plot_opts *opts,
                        ind_err *err);

/* Horizontal bars, one row per category (top to bottom in the order given),
 * for tornado charts, waterfalls and indices with intervals. Series s's bar in
 * category c spans lo[s*ncats + c] .. hi[s*ncats + c] (either NaN: no bar);
 * with whiskers (wlo, whi and wmid not NULL) an interval wlo..whi around wmid
 * is drawn over it (NaN: none). overlay puts every series on the same row (a
 * waterfall's kinds of bar), else they stand side by side. A vertical dashed
 * line at reference unless it is NaN. Texts are shown as given; the legend
 * names the series when there are several. */
typedef struct ind_bars {
  const char *title, *subtitle, *xlabel;
  int ncats, nseries;
  const char *const *cats, *const *series;
  const double *lo, *hi;            /* nseries × ncats, series by series */
  const double *wlo, *whi, *wmid;   /* the same shape, or all NULL */
  double reference;
  int overlay;
} ind_bars;

ind_status ind_plot_bars(const char *dir, const char *stem, const ind_bars *b, const ind_plot_opts *opts,
                         ind_err *err);

/* 1 if the gnuplot program of opts (NULL: "gnuplot") can be found, so a caller
 * can warn once and skip its plots. */
int ind_plot_have_gnuplot(const ind_plot_opts *opts);

#endif
