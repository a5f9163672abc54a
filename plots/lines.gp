# plots/lines.gp — generic x–y lines with points, for what-if scripts (sweeps,
# budget splits). indsim puts this body after a generated header that sets the
# terminal and output and defines:
#   strings   title_main, label_x, label_y
#   array     series_names[1..nseries]
#   numbers   nseries
#   $data     x y lo hi, one block per series (blocks separated by two blank
#             lines: series i is `index (i - 1)`); NaN leaves a gap; lo and hi
#             bound the series' band (NaN: none)
# Edit freely; refer only to the names above. Texts are plain (noenhanced).

palette = '#1f77b4 #d62728 #2ca02c #ff7f0e #9467bd #8c564b #e377c2 #17becf #bcbd22 #7f7f7f'
do for [i = 1:nseries] {
  set linetype i lc rgb word(palette, (i - 1) % 10 + 1) lw 2 pt 7 ps 0.8
}
set title title_main font ',14'
set xlabel label_x
set ylabel label_y
set grid lc rgb '#dddddd'
set key top left opaque box lc rgb '#cccccc'
set border lw 1.2
# the bands first (pale, see-through), then the lines over them
plot for [i = 1:nseries] $data index (i - 1) using 1:3:4 with filledcurves lt i fs transparent solid 0.15 noborder notitle, \
     for [i = 1:nseries] $data index (i - 1) using 1:2 with linespoints lt i title series_names[i]
