# plots/bars.gp — horizontal bars, one row per category, for tornado charts
# (the output with one number at its low and its high value), waterfalls (each
# policy's share of a package's gain, then the interaction and the total) and
# indices with intervals (Sobol indices, NPV bands). indsim puts this body after
# a generated header that sets the terminal and output and defines:
#   strings   title_main, title_sub, label_x
#   arrays    category_names[1..ncategories] (top to bottom),
#             series_names[1..nseries]
#   numbers   ncategories, nseries, overlay (1: the series share a row, as in a
#             waterfall; 0: side by side), bar_height (a row is 1), whiskers
#             (1: $data has intervals), reference (x of a vertical line, NaN:
#             none), plot_width, plot_height (pixels)
#   $data     one block per series (series i is `index (i - 1)`), one line per
#             category: lo hi y ylo yhi wlo whi wmid — the bar spans lo..hi at
#             height y (ylo..yhi); the whisker wlo..whi around wmid; NaN: none
# Edit freely; refer only to the names above. Texts are plain (noenhanced).

palette = '#1f77b4 #d62728 #2ca02c #ff7f0e #9467bd #8c564b #e377c2 #17becf #bcbd22 #7f7f7f'
do for [i = 1:nseries] {
  set linetype i lc rgb word(palette, (i - 1) % 10 + 1) lw 1
}
# The titles centred on the canvas (a long category name pushes the chart right).
set label 101 title_main at screen 0.5, screen (1 - 22.0 / plot_height) center font ',13'
set label 102 title_sub at screen 0.5, screen (1 - 42.0 / plot_height) center
set tmargin at screen (1 - 88.0 / plot_height)
set xlabel label_x
set grid xtics lc rgb '#dddddd'
set border lw 1.2
set format x '%.10g'
set yrange [0.4:ncategories + 0.6]
set ytics nomirror scale 0
set ytics ()
do for [c = 1:ncategories] {
  set ytics add (category_names[c] ncategories - c + 1)
}
set key at screen 0.5, screen (1 - 54.0 / plot_height) center top horizontal noopaque nobox
set style fill solid 0.75 border lc rgb '#555555'
if (reference == reference) {
  set arrow 1 from reference, graph 0 to reference, graph 1 nohead lc rgb '#333333' lw 1.5 dt 2
}
if (whiskers) {
  plot for [i = 1:nseries] $data index (i - 1) using (($1 + $2) / 2):3:1:2:4:5 with boxxyerror lt i \
         title (nseries > 1 ? series_names[i] : ''), \
       for [i = 1:nseries] $data index (i - 1) using 8:3:6:7 with xerrorbars lc rgb 'black' pt 7 ps 0.5 lw 1.2 notitle
} else {
  plot for [i = 1:nseries] $data index (i - 1) using (($1 + $2) / 2):3:1:2:4:5 with boxxyerror lt i \
         title (nseries > 1 ? series_names[i] : '')
}
