# plots/ranking.gp — bars for a list of inputs or policies (Sobol indices per
# input, policies ranked by benefit-cost ratio), lying on their side: one row
# per label, top to bottom, with the series' bars side by side in each row.
# indsim puts this body after a generated header that sets the terminal and
# output and defines:
#   strings   title_main, label_y (the values' axis, drawn along the bottom)
#   arrays    bar_labels[1..nbars] (top to bottom), series_names[1..nseries]
#   numbers   nbars, nseries, n_err (bars with an error bar), has_negative
#             (0/1: a value or an error bar below 0), plot_width, plot_height
#   $bars     one line per label: i, then for each series s: value lo hi
#             (columns 3s - 1, 3s, 3s + 1); a NaN value: no bar; NaN lo and
#             hi: no error bar
#   $values_right, $values_left   with one series, where each bar's value is
#             printed: x i value show, right of bars >= 0 (past their error
#             bar), left of bars < 0; print where show is 1 (a block with
#             nothing to print holds one line with show 0);
#             n_values_right, n_values_left: how many to print
# Edit freely; refer only to the names above. Texts are plain (noenhanced).

palette = '#4477aa #ee7733 #228833 #cc3311 #66ccee #aa3377 #bbbbbb #009988 #ccbb44 #000000'
do for [s = 1:nseries] {
  set linetype s lc rgb word(palette, (s - 1) % 10 + 1) lw 1
}
# a number as printed at the end of a bar
fmt(v) = abs(v) >= 100 ? sprintf('%.0f', v) : abs(v) >= 10 ? sprintf('%.1f', v) : \
         (abs(v) >= 0.01 || v == 0) ? sprintf('%.2f', v) : sprintf('%.2g', v)
# where bar s of row i sits, and its half-height (a row is 1 high)
slot = 0.8 / nseries
ypos(i, s) = i + (s - (nseries + 1) / 2.0) * slot
half = 0.45 * slot

px = 1.0 / plot_height
# a title of several lines (vi and en, with --lang both) pushes the rest down
count_lines(s) = strstrt(s, "\n") > 0 ? 1 + count_lines(s[strstrt(s, "\n") + 1:]) : 1
title_px = 22 * (count_lines(title_main) - 1)
set label 1 title_main at screen 0.5, screen 1 - 24 * px center font ',14'   # centred on the canvas
set tmargin at screen 1 - (50 + title_px) * px
set xlabel label_y
set border 3 lw 1.2
set grid xtics lc rgb '#dddddd'
set xtics nomirror out
set format x '%.10g'
set yzeroaxis lt -1 lw 1.2
set yrange [nbars + 0.6 : 0.4]
set ytics nomirror scale 0
set ytics ()
do for [i = 1:nbars] { set ytics add (bar_labels[i] i) }
left_room = has_negative ? 0.08 : 0
set offsets graph left_room, graph 0.1, 0, 0   # room for the printed values
set style fill solid 0.85 noborder
set errorbars 0.6
# (an error bar's x refers to its lo column: a NaN lo leaves the point out,
# where a NaN only in the error columns would still draw a cap)
# the legend (several series): one row a series under the value axis
key_h = nseries > 1 ? 20 * nseries + 12 : 0
set bmargin at screen (key_h + 62) * px   # the value axis and its label above the legend
if (nseries > 1) {
  set key at screen 0.5, screen (key_h - 4) * px center top vertical Left reverse samplen 1.5 font ',11'
} else {
  unset key
}

plot for [s = 1:nseries] $bars using (column(3 * s - 1)):(ypos($1, s)):(0):(column(3 * s - 1)): \
         (ypos($1, s) - half):(ypos($1, s) + half) with boxxyerror lt s title series_names[s], \
     for [s = 1:nseries] $bars using (column(3 * s) + column(3 * s - 1) - column(3 * s)):(ypos($1, s)): \
         (column(3 * s)):(column(3 * s + 1)) with xerrorbars lc rgb '#333333' lw 1.2 pt 0 ps 0 notitle, \
     $values_right using 1:2:($4 > 0 ? fmt($3) : '') with labels left offset 0.6, 0 font ',10' notitle, \
     $values_left using 1:2:($4 > 0 ? fmt($3) : '') with labels right offset -0.6, 0 font ',10' notitle
