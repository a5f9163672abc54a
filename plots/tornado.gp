# plots/tornado.gp — a tornado chart: how far one output moves when each input
# goes from its low to its high quantile, the others at their medians; the
# largest swing on top. indsim puts this body after a generated header that
# sets the terminal and output and defines:
#   strings   title_main, title_sub (which inputs are drawn, when not all; ''
#             otherwise), label_x (the output's axis), label_low, label_high
#             (the two sides), label_centre (the centre line)
#   array     input_labels[1..nbars] (top to bottom: swing, largest first)
#   numbers   nbars (drawn), ninputs (given), center (the output with every
#             input at its median), plot_width, plot_height
#   $parts    the parts of the bars, each from the centre to the output with
#             an input at its low or high quantile: i xlo xhi side (1 low, 2
#             high) height (1; 0.7 for the part nearer the centre, listed after
#             the further ones and drawn over them); a side not known: no
#             part (no part at all: one of no height at the centre)
#   $ends_left, $ends_right   the outputs at the bars' ends left and right of
#             the centre: x i show; print where show is 1 (a block with
#             nothing to print holds one line with show 0)
#   numbers   n_parts, n_ends_left, n_ends_right: how many parts and ends
# Edit freely; refer only to the names above. Texts are plain (noenhanced).

low_rgb = 0x4477aa           # the part of a bar reaching the output at the input's low quantile
high_rgb = 0xee7733          # and at its high quantile
# a number as printed at the end of a bar
fmt(v) = abs(v) >= 100 ? sprintf('%.0f', v) : abs(v) >= 10 ? sprintf('%.1f', v) : \
         (abs(v) >= 0.01 || v == 0) ? sprintf('%.2f', v) : sprintf('%.2g', v)
half = 0.36                  # a bar's half-height (a row is 1 high)
side_rgb(side) = side == 1 ? low_rgb : high_rgb

px = 1.0 / plot_height
# a title of several lines (vi and en, with --lang both) pushes the rest down
count_lines(s) = strstrt(s, "\n") > 0 ? 1 + count_lines(s[strstrt(s, "\n") + 1:]) : 1
title_px = 22 * (count_lines(title_main) - 1)
set label 1 title_main at screen 0.5, screen 1 - 24 * px center font ',14'   # centred on the canvas
set label 2 title_sub at screen 0.5, screen 1 - (46 + title_px) * px center
set tmargin at screen 1 - ((strlen(title_sub) > 0 ? 70 : 50) + title_px) * px
set xlabel label_x
set border 3 lw 1.2
set grid xtics lc rgb '#dddddd'
set xtics nomirror out
set format x '%.10g'
set yrange [nbars + 0.6 : 0.4]
set ytics nomirror scale 0
set ytics ()
do for [i = 1:nbars] { set ytics add (input_labels[i] i) }
set offsets graph 0.1, graph 0.1, 0, 0   # room for the printed values
set arrow 1 from center, graph 0 to center, graph 1 nohead lc rgb 'black' lw 1.5 front
set style fill solid 0.9 noborder
# the legend: one row an entry under the output axis
key_h = 3 * 20 + 12
set bmargin at screen (key_h + 55) * px
set key at screen 0.5, screen (key_h - 4) * px center top vertical Left reverse samplen 1.5 font ',11'

if (n_parts == 0) { set xrange [center - 1 : center + 1] }   # nothing known: gnuplot cannot autoscale
plot $parts using (($2 + $3) / 2):1:2:3:($1 - half * $5):($1 + half * $5):(side_rgb($4)) \
         with boxxyerror lc rgb variable notitle, \
     $ends_left using 1:2:($3 > 0 ? fmt($1) : '') with labels right offset -0.5, 0 font ',10' notitle, \
     $ends_right using 1:2:($3 > 0 ? fmt($1) : '') with labels left offset 0.5, 0 font ',10' notitle, \
     keyentry with boxes fc rgb low_rgb fs solid 0.9 title label_low, \
     keyentry with boxes fc rgb high_rgb fs solid 0.9 title label_high, \
     keyentry with lines lc rgb 'black' lw 1.5 title label_centre . ': ' . fmt(center)
