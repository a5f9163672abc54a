# plots/projection.gp — one scenario's projection: production value (top) and
# growth with the observed history (bottom), the legend under both. indsim puts
# this body after a generated header that sets the terminal and output and defines:
#   strings   title_main, title_pv, title_growth (panel titles), label_pv, label_growth
#             (units), label_year, label_total, label_observed, label_model,
#             label_history, label_projection
#   array     sector_titles[1..nsectors]
#   numbers   nsectors, first_year, last_year, has_history (0/1), history_end
#             (end of the last observed period, a year as a real), n_obs_level,
#             n_obs_growth, key_rows (rows of the legend: all of it in key_rows
#             rows), plot_width, plot_height (pixels; the canvas leaves 24 px a legend row)
#   $pv       t, one column per sector, total: production value, bn VND; t = year + 0.5
#             (the middle of the year: a year's flow belongs to [year, year + 1))
#   $growth   the same columns, growth over the previous year in % (NaN: none)
#   $obs_level, $obs_growth   observed levels (bn VND) / growth rates (%):
#             x, xlo, xhi (period covered), observed, se, model, series
#             (series 1..nsectors: that sector, nsectors + 1: the total)
# Edit freely; refer only to the names above. Texts are plain (noenhanced).

palette = '#1f77b4 #d62728 #2ca02c #ff7f0e #9467bd #8c564b #e377c2 #17becf #bcbd22 #7f7f7f'
do for [i = 1:nsectors] {
  set linetype i lc rgb word(palette, (i - 1) % 10 + 1) lw 2 pt 7 ps 0.9
}
set linetype nsectors + 1 lc rgb 'black' lw 3 pt 7 ps 0.9
model_dx = 0.18          # the model's marker sits this far right of the observation
has_obs = (n_obs_level + n_obs_growth > 0)

set grid lc rgb '#dddddd'
set xrange [first_year : last_year + 1]
set border lw 1.2
if (has_history) {
  set object 1 rect from first first_year, graph 0 to first history_end, graph 1 behind fc rgb '#eeeeee' fs solid 1.0 noborder
}

# Layout in screen coordinates: two panels with the same margins (the years
# line up), then a panel holding only the legend (24 px a row: gnuplot wants that
# much per row, though it draws them closer).
px = 1.0 / plot_height
key_h = (24 * key_rows + 36) * px
panels_bottom = key_h + 60 * px         # room for the year tics and label
panels_top = 1 - 70 * px                # room for the titles
split = (panels_top + panels_bottom) / 2
set lmargin at screen 0.12
set rmargin at screen 0.97
unset key

set multiplot title title_main font ',14'

# top: production value (log scale: constant growth is a straight line; remove
# `set logscale y` for a linear axis)
set title title_pv
# the y label at a fixed place, 16 px from the left edge: gnuplot's own ylabel
# leaves room for one line, and the second line of a "vi\nen" one hid the tick labels
set label 20 label_pv at screen 16.0 / plot_width, graph 0.5 center rotate by 90
set logscale y
set format y '%.0f'
set tmargin at screen panels_top
set bmargin at screen split + 35 * px
if (has_history) {
  set label 1 label_history at first first_year, graph 0.93 offset 0.7, 0 tc rgb '#666666'
  set label 2 label_projection at first history_end, graph 0.93 offset 0.7, 0 tc rgb '#666666'
}
plot for [i = 1:nsectors] $pv using 1:(column(i + 1)) with lines lt i, \
     $pv using 1:(column(nsectors + 2)) with lines lt nsectors + 1, \
     for [k = 1:(n_obs_level > 0)] $obs_level using 1:4:2:3:($4 - $5):($4 + $5):7 \
         with xyerrorbars lc variable pt 7, \
     for [k = 1:(n_obs_level > 0)] $obs_level using ($1 + model_dx):6:7 \
         with points lc variable pt 6 ps 1.3

# bottom: growth, with the observed history and the model's value of each observation
set title title_growth
set label 20 label_growth at screen 16.0 / plot_width, graph 0.5 center rotate by 90
set xlabel label_year
unset logscale y
set format y '%.0f'
set tmargin at screen split - 35 * px
set bmargin at screen panels_bottom
if (has_history) {
  set label 1 at first first_year, graph 0.05
  set label 2 at first history_end, graph 0.05
}
plot for [i = 1:nsectors] $growth using 1:(column(i + 1)) with lines lt i, \
     $growth using 1:(column(nsectors + 2)) with lines lt nsectors + 1, \
     for [k = 1:(n_obs_growth > 0)] $obs_growth using 1:4:2:3:($4 - $5):($4 + $5):7 \
         with xyerrorbars lc variable pt 7, \
     for [k = 1:(n_obs_growth > 0)] $obs_growth using ($1 + model_dx):6:7 \
         with points lc variable pt 6 ps 1.3

# the legend: an empty panel whose key names the lines and markers of both
# (title '' leaves an entry out; an empty `for` would still take a place)
set tmargin at screen key_h
set bmargin at screen 0
unset border; unset tics; unset title; unset xlabel; unset ylabel; unset label; unset object 1
set xrange [0:1]
set yrange [0:1]
set key inside left top vertical maxrows key_rows Left reverse samplen 2 spacing 1.1 font ',10' width 2
plot NaN notitle, \
     for [i = 1:nsectors] keyentry with lines lt i title sector_titles[i], \
     keyentry with lines lt nsectors + 1 title label_total, \
     keyentry with xyerrorbars lc rgb 'black' pt 7 title (has_obs ? label_observed : ''), \
     keyentry with points lc rgb 'black' pt 6 ps 1.3 title (has_obs ? label_model : '')

unset multiplot
