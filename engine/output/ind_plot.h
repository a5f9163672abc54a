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

/* One series of ind_plot_lines: n points (x[j], y[j]), named in the legend;
 * NaN leaves a gap. lo and hi (both or neither; NULL: none) bound a band
 * shaded in the series' colour, e.g. a 90 % band over an ensemble's draws. */
typedef struct ind_line_series {
  const char *name;
  const double *x, *y, *lo, *hi;
  int n;
} ind_line_series;

/* Generic x–y lines with points, for what-if scripts (sweeps, budget splits)
 * and the cumulative NPV; title and the axis labels are shown as given. */
ind_status ind_plot_lines(const char *dir, const char *stem, const char *title, const char *xlabel,
                          const char *ylabel, int nseries, const ind_line_series *series,
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

/* ---- What-if charts (ind_plotwhatif.c): ranking, tornado, waterfall ----
 * Their texts (title, axis titles, labels, series names) are shown as given, a
 * NULL one empty; a label wider than IND_PLOT_LABEL_COLS columns is cut with
 * "…". The canvas grows with the number of bars and the longest label. Fixed
 * texts the engine adds follow opts->lang; scripts get the engine's names for
 * their own series (e.g. "sobol_first") from ind_label_find. opts may be NULL. */

#define IND_PLOT_LABEL_COLS 60     /* labels are cut beyond this many columns */
#define IND_RANKING_MAX 200        /* ranking: at most this many labels */
#define IND_RANKING_MAX_SERIES 4   /* and series */
#define IND_TORNADO_SHOWN 20       /* tornado: the largest swings drawn */
#define IND_WATERFALL_MAX 200      /* waterfall: at most this many steps */

/* A ranking: bars for a list of inputs or policies, one row per labels[i],
 * i = 0..n-1, top to bottom in the order given (sort first), lying on their
 * side so that long names like "event.fdi_wave.gF" read across even with 45
 * rows. Each row holds nseries bars side by side, series s's from 0 to
 * values[s][i]; with lo (and lo[s]) not NULL and lo[s][i] not NaN an error bar
 * reaches down to lo[s][i], likewise up to hi[s][i] (one end missing: from the
 * value; both: no error bar). A NaN value leaves its bar out. With several
 * series a legend under the chart names them (series[s]; series may be NULL
 * for one); with one, each bar's value is printed at its end. ylabel titles
 * the value axis (along the bottom: the chart lies on its side). Sobol
 * indices: two series, first- and total-order (ind_label_find("sobol_first"),
 * "sobol_total"), with their bootstrap intervals; policies by benefit-cost
 * ratio: one series. 1 <= n <= IND_RANKING_MAX, 1 <= nseries <=
 * IND_RANKING_MAX_SERIES. */
ind_status ind_plot_ranking(const char *dir, const char *stem, const char *title, const char *ylabel, int n,
                            const char *const *labels, int nseries, const char *const *series,
                            const double *const *values, const double *const *lo, const double *const *hi,
                            const ind_plot_opts *opts, ind_err *err);

/* A tornado chart of one output: input i (labels[i]) has a horizontal bar from
 * low[i], the output with that input at its low quantile, to high[i], at its
 * high quantile (every other input at its median). Bars are sorted by swing
 * |high[i] - low[i]|, largest on top (NaN last; ties keep their order), and
 * drawn from center (the output with every input at its median, a vertical
 * line) in two parts coloured by side: the part reaching low[i] in one colour,
 * the one reaching high[i] in another, so the sign of each effect shows; the
 * outputs are printed at the bar ends. Only the IND_TORNADO_SHOWN largest
 * swings are drawn, and a subtitle says so when n is larger ("20 inputs with
 * the largest swing (of 45)", in opts->lang). xlabel titles the output axis.
 * center must be finite; 1 <= n <= 1000000. */
ind_status ind_plot_tornado(const char *dir, const char *stem, const char *title, const char *xlabel, int n,
                            const char *const *labels, double center, const double *low, const double *high,
                            const ind_plot_opts *opts, ind_err *err);

/* A waterfall of an attribution: bar i (labels[i], i = 0..n-1) starts where
 * bar i - 1 ended (the first at 0) and rises by values[i] (one colour) or
 * falls (another); a last bar from 0 to the total, the sum of the values (a
 * third colour), is labelled total_label (NULL: the fixed "Tổng / Total" in
 * opts->lang). Dashed lines join each bar's end to the next bar; every bar's
 * value is printed at its end (signed; the total plain). A NULL labels[i] is
 * the fixed "Tương tác / Interaction": the gain of a package beyond its
 * policies' gains alone. For the Shapley values of a package's policies, or
 * their gains alone plus the interaction; ylabel titles the value axis. The
 * labels are broken into lines under their bars (slanted instead when that
 * would take more than 5 lines). Values finite; 1 <= n <= IND_WATERFALL_MAX. */
ind_status ind_plot_waterfall(const char *dir, const char *stem, const char *title, const char *ylabel, int n,
                              const char *const *labels, const double *values, const char *total_label,
                              const ind_plot_opts *opts, ind_err *err);

/* 1 if the gnuplot program of opts (NULL: "gnuplot") can be found, so a caller
 * can warn once and skip its plots. */
int ind_plot_have_gnuplot(const ind_plot_opts *opts);

#endif
