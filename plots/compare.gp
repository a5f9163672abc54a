# plots/compare.gp — several scenarios side by side: one variable's total
# (top) and its gain over the baseline (bottom, only when there is a baseline).
# indsim puts this body after a generated header that sets the terminal and
# output and defines:
#   strings   title_main, title_var (the variable), label_var (its unit),
#             title_gain, label_gain (its unit), label_year
#   array     scenario_titles[1..nscenarios]
#   numbers   nscenarios, baseline (its column among the scenarios, 1-based; 0: none),
#             key_named (how many scenarios the legend names: the first ones),
#             key_rows (in how many rows), plot_width, plot_height (pixels; the
#             canvas leaves 24 px a legend row)
#   $values   year, one column per scenario: the variable's total (fractions in %)
#   $gain     (only when baseline > 0) year, one column per scenario: gain over the
#             baseline in % (in percentage points for fractions)
# Edit freely; refer only to the names above. Texts are plain (noenhanced).

palette = '#1f77b4 #d62728 #2ca02c #ff7f0e #9467bd #8c564b #e377c2 #17becf #bcbd22 #7f7f7f'
do for [i = 1:nscenarios] {
  set linetype i lc rgb word(palette, (i - 1) % 10 + 1) lw 2 pt 7 ps 0.6
}
if (baseline > 0) {
  set linetype baseline lc rgb 'black' lw 2.5 pt 7 ps 0.6
}

set grid lc rgb '#dddddd'
set border lw 1.2
set format y '%.10g'

# Layout in screen coordinates: the charts with the same margins (the years
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

set title title_var
# the y label at a fixed place, 16 px from the left edge: gnuplot's own ylabel
# leaves room for one line, and the second line of a "vi\nen" one hid the tick labels
set label 20 label_var at screen 16.0 / plot_width, graph 0.5 center rotate by 90
set tmargin at screen panels_top
if (baseline > 0) {
  set bmargin at screen split + 35 * px
} else {
  set bmargin at screen panels_bottom
  set xlabel label_year
}
plot for [i = 1:nscenarios] $values using 1:(column(i + 1)) with linespoints lt i

if (baseline > 0) {
  set title title_gain
  set label 20 label_gain at screen 16.0 / plot_width, graph 0.5 center rotate by 90
  set xlabel label_year
  set tmargin at screen split - 35 * px
  set bmargin at screen panels_bottom
  plot for [i = 1:nscenarios] $gain using 1:(column(i + 1)) with linespoints lt i
}

# the legend: an empty panel whose key names the first key_named scenarios
set tmargin at screen key_h
set bmargin at screen 0
unset border; unset tics; unset title; unset xlabel; unset ylabel; unset label 20
set xrange [0:1]
set yrange [0:1]
set key inside left top vertical maxrows key_rows Left reverse samplen 2 spacing 1.1 font ',10' width 2
plot NaN notitle, for [i = 1:key_named] keyentry with linespoints lt i title scenario_titles[i]

unset multiplot
