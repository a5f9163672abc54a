# plots/fan.gp — a scenario's Monte Carlo fan chart for one sector or the
# total: production value (top) and growth (bottom), each with its 5–95 % and
# 25–75 % bands, the median and the mean, the observed history marked as in
# projection.gp, the legend under both. indsim puts this body after a generated
# header that sets the terminal and output and defines:
#   strings   title_main (the scenario), title_sector (the sector, or the total),
#             label_draws (the number of draws, and of failed ones), title_pv,
#             title_growth (panel titles), label_pv, label_growth (units),
#             label_year, label_median, label_mean, label_band90, label_band50,
#             label_observed, label_obs_median, label_history, label_projection
#   numbers   series (the sector's place, 1..nsectors; nsectors + 1: the total),
#             nsectors, draws, failed, first_year, last_year, has_history (0/1),
#             history_end (end of the last observed period, a year as a real),
#             n_obs_level, n_obs_growth, key_rows (rows of the legend),
#             plot_width, plot_height (pixels; the canvas leaves 24 px a legend row)
#   $pv       t n mean q05 q25 q50 q75 q95 of each year: production value over
#             the draws, bn VND; t = year + 0.5 (a year's flow belongs to
#             [year, year + 1)); n = 0: no value, the rest NaN (a gap)
#   $growth   the same columns for growth over the previous year in % (the
#             first year has none)
#   numbers   n_pv, n_growth: the years with a value in $pv, $growth
#   $obs_level, $obs_growth   observed levels (bn VND) / growth rates (%) of
#             this sector: x, xlo, xhi (period covered), observed, se, the
#             median over the draws of the model's value, series
# Edit freely; refer only to the names above. Texts are plain (noenhanced).

palette = '#1f77b4 #d62728 #2ca02c #ff7f0e #9467bd #8c564b #e377c2 #17becf #bcbd22 #7f7f7f'
fan_color = series <= nsectors ? word(palette, (series - 1) % 10 + 1) : '#2f4b7c'
set linetype 1 lc rgb fan_color lw 2.5 pt 7 ps 0.45        # median (a dot a year: a lone year shows)
set linetype 2 lc rgb fan_color lw 1.5 dt (8, 5)          # mean
set linetype 3 lc rgb 'black' lw 1.2 pt 7 ps 0.9          # observations
band90 = 0.18            # opacity of the 5–95 % band
band50 = 0.38            # and of the 25–75 % band (drawn over it)
model_dx = 0.18          # the median at an observation sits this far right of it
has_obs = (n_obs_level + n_obs_growth > 0)

set grid lc rgb '#dddddd'
set xrange [first_year : last_year + 1]
set border lw 1.2
if (has_history) {
  set object 1 rect from first first_year, graph 0 to first history_end, graph 1 behind fc rgb '#eeeeee' fs solid 1.0 noborder
}

# Layout in screen coordinates, as in projection.gp, with a subtitle line
# under the title.
px = 1.0 / plot_height
key_h = (24 * key_rows + 36) * px
panels_bottom = key_h + 60 * px         # room for the year tics and label
panels_top = 1 - 100 * px               # room for the titles
split = (panels_top + panels_bottom) / 2
set lmargin at screen 0.12
set rmargin at screen 0.97
unset key

set multiplot title title_main font ',14'
set label 10 title_sector . ' — ' . label_draws at screen 0.5, screen 1 - 42 * px center

# top: production value (log scale; remove `set logscale y` for a linear axis)
set title title_pv
# the y label at a fixed place, 16 px from the left edge: gnuplot's own ylabel
# leaves room for one line, and the second line of a "vi\nen" one hid the tick labels
set label 20 label_pv at screen 16.0 / plot_width, graph 0.5 center rotate by 90
set logscale y
set format y '%.0f'
do for [k = -3:12] { set ytics add (2 * 10.0**k, 5 * 10.0**k) }   # 1, 2, 5 in every decade: a fan spans few
set tmargin at screen panels_top
set bmargin at screen split + 35 * px
if (has_history) {
  set label 1 label_history at first first_year, graph 0.93 offset 0.7, 0 tc rgb '#666666'
  set label 2 label_projection at first history_end, graph 0.93 offset 0.7, 0 tc rgb '#666666'
}
if (n_pv == 0) { set yrange [1:10] }    # nothing to draw: gnuplot cannot autoscale
plot $pv using 1:4:8 with filledcurves lc rgb fan_color fs transparent solid band90 noborder, \
     $pv using 1:5:7 with filledcurves lc rgb fan_color fs transparent solid band50 noborder, \
     $pv using 1:6 with linespoints lt 1, \
     $pv using 1:3 with lines lt 2, \
     for [k = 1:(n_obs_level > 0)] $obs_level using 1:4:2:3:($4 - $5):($4 + $5) \
         with xyerrorbars lt 3, \
     for [k = 1:(n_obs_level > 0)] $obs_level using ($1 + model_dx):6 \
         with points lt 3 pt 6 ps 1.3
unset label 10

# bottom: growth
set title title_growth
set label 20 label_growth at screen 16.0 / plot_width, graph 0.5 center rotate by 90
set xlabel label_year
unset logscale y
set autoscale y
set ytics autofreq
set format y '%g'
set tmargin at screen split - 35 * px
set bmargin at screen panels_bottom
if (has_history) {
  set label 1 at first first_year, graph 0.05
  set label 2 at first history_end, graph 0.05
}
if (n_growth == 0) { set yrange [0:1] }
plot $growth using 1:4:8 with filledcurves lc rgb fan_color fs transparent solid band90 noborder, \
     $growth using 1:5:7 with filledcurves lc rgb fan_color fs transparent solid band50 noborder, \
     $growth using 1:6 with linespoints lt 1, \
     $growth using 1:3 with lines lt 2, \
     for [k = 1:(n_obs_growth > 0)] $obs_growth using 1:4:2:3:($4 - $5):($4 + $5) \
         with xyerrorbars lt 3, \
     for [k = 1:(n_obs_growth > 0)] $obs_growth using ($1 + model_dx):6 \
         with points lt 3 pt 6 ps 1.3

# the legend: an empty panel whose key names the bands, lines and markers
# (title '' leaves an entry out)
set tmargin at screen key_h
set bmargin at screen 0
unset border; unset tics; unset title; unset xlabel; unset ylabel; unset label; unset object 1
set xrange [0:1]
set yrange [0:1]
set key inside left top vertical maxrows key_rows Left reverse samplen 2 spacing 1.1 font ',10' width 2
plot NaN notitle, \
     keyentry with filledcurves lc rgb fan_color fs transparent solid band90 noborder title label_band90, \
     keyentry with filledcurves lc rgb fan_color fs transparent solid band50 noborder title label_band50, \
     keyentry with linespoints lt 1 title label_median, \
     keyentry with lines lt 2 title label_mean, \
     keyentry with xyerrorbars lt 3 title (has_obs ? label_observed : ''), \
     keyentry with points lt 3 pt 6 ps 1.3 title (has_obs ? label_obs_median : '')

unset multiplot
