# plots/gainfan.gp — a scenario's Monte Carlo fan chart of its gain over the
# baseline (the same draw run both ways) for one sector or the total: in bn VND
# (top) and in % (bottom), each with its 5–95 % and 25–75 % bands, the median
# and the mean and a zero line, the legend under both. indsim puts this body
# after a generated header that sets the terminal and output and defines:
#   strings   title_main (the scenario), title_sector (the sector, or the total),
#             label_gain_over ("Gain over", before the baseline), title_baseline
#             (the baseline), label_draws (the number of draws, and of failed
#             ones), title_gain, title_gain_pct (panel titles), label_gain,
#             label_gain_pct (units), label_year, label_median, label_mean,
#             label_band90, label_band50
#   numbers   series (the sector's place, 1..nsectors; nsectors + 1: the total),
#             nsectors, draws, failed, first_year, last_year, has_history (0/1),
#             history_end (end of the last observed period, a year as a real),
#             key_rows (rows of the legend), plot_width, plot_height (pixels;
#             the canvas leaves 24 px a legend row)
#   $gain     t n mean q05 q25 q50 q75 q95 of each year: production value
#             minus the baseline's, bn VND; t = year + 0.5 (a year's flow
#             belongs to [year, year + 1)); n = 0: no value, the rest NaN (a gap)
#   $gain_pct the same columns for 100 · (production value / the baseline's − 1)
#   numbers   n_gain, n_gain_pct: the years with a value in $gain, $gain_pct
# Edit freely; refer only to the names above. Texts are plain (noenhanced).

palette = '#1f77b4 #d62728 #2ca02c #ff7f0e #9467bd #8c564b #e377c2 #17becf #bcbd22 #7f7f7f'
fan_color = series <= nsectors ? word(palette, (series - 1) % 10 + 1) : '#2f4b7c'
set linetype 1 lc rgb fan_color lw 2.5 pt 7 ps 0.45        # median (a dot a year: a lone year shows)
set linetype 2 lc rgb fan_color lw 1.5 dt (8, 5)          # mean
band90 = 0.18            # opacity of the 5–95 % band
band50 = 0.38            # and of the 25–75 % band (drawn over it)

set grid lc rgb '#dddddd'
set xzeroaxis lt -1 lw 1.2
set xrange [first_year : last_year + 1]
set border lw 1.2
set format y '%g'
if (has_history) {
  set object 1 rect from first first_year, graph 0 to first history_end, graph 1 behind fc rgb '#eeeeee' fs solid 1.0 noborder
}

# Layout in screen coordinates, as in projection.gp, with two subtitle lines
# under the title: the baseline, then the sector and the draws.
px = 1.0 / plot_height
key_h = (24 * key_rows + 36) * px
panels_bottom = key_h + 60 * px         # room for the year tics and label
panels_top = 1 - 120 * px               # room for the titles
split = (panels_top + panels_bottom) / 2
set lmargin at screen 0.12
set rmargin at screen 0.97
unset key

set multiplot title title_main font ',14'
set label 10 label_gain_over . ' ' . title_baseline at screen 0.5, screen 1 - 42 * px center
set label 11 title_sector . ' — ' . label_draws at screen 0.5, screen 1 - 62 * px center

# top: the gain in bn VND
set title title_gain
# the y label at a fixed place, 16 px from the left edge: gnuplot's own ylabel
# leaves room for one line, and the second line of a "vi\nen" one hid the tick labels
set label 20 label_gain at screen 16.0 / plot_width, graph 0.5 center rotate by 90
set tmargin at screen panels_top
set bmargin at screen split + 35 * px
if (n_gain == 0) { set yrange [-1:1] }  # nothing to draw: gnuplot cannot autoscale
plot $gain using 1:4:8 with filledcurves lc rgb fan_color fs transparent solid band90 noborder, \
     $gain using 1:5:7 with filledcurves lc rgb fan_color fs transparent solid band50 noborder, \
     $gain using 1:6 with linespoints lt 1, \
     $gain using 1:3 with lines lt 2
unset label 10
unset label 11

# bottom: the gain in %
set title title_gain_pct
set label 20 label_gain_pct at screen 16.0 / plot_width, graph 0.5 center rotate by 90
set xlabel label_year
set tmargin at screen split - 35 * px
set bmargin at screen panels_bottom
set autoscale y
if (n_gain_pct == 0) { set yrange [-1:1] }
plot $gain_pct using 1:4:8 with filledcurves lc rgb fan_color fs transparent solid band90 noborder, \
     $gain_pct using 1:5:7 with filledcurves lc rgb fan_color fs transparent solid band50 noborder, \
     $gain_pct using 1:6 with linespoints lt 1, \
     $gain_pct using 1:3 with lines lt 2

# the legend: an empty panel whose key names the bands and lines
set tmargin at screen key_h
set bmargin at screen 0
unset border; unset tics; unset title; unset xlabel; unset ylabel; unset label; unset object 1
unset xzeroaxis
set xrange [0:1]
set yrange [0:1]
set key inside left top vertical maxrows key_rows Left reverse samplen 2 spacing 1.1 font ',10' width 2
plot NaN notitle, \
     keyentry with filledcurves lc rgb fan_color fs transparent solid band90 noborder title label_band90, \
     keyentry with filledcurves lc rgb fan_color fs transparent solid band50 noborder title label_band50, \
     keyentry with linespoints lt 1 title label_median, \
     keyentry with lines lt 2 title label_mean

unset multiplot
