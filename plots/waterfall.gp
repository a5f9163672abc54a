# plots/waterfall.gp — a waterfall of an attribution: each bar starts where
# the one before it ended and rises or falls by its value; the last bar, from
# zero, is the total. indsim puts this body after a generated header that sets
# the terminal and output and defines:
#   strings   title_main, label_y (the values' axis)
#   array     bar_labels[1..nbars] (left to right; the last is the total's)
#   numbers   nbars (the steps and the total), slant (1: labels too long to
#             break into lines under their bars: one slanted line each; 0: the
#             labels hold their line breaks), left_px (the left margin, pixels:
#             room for a slanted first label), below_px (the room under the
#             bars for their labels, pixels), has_negative (0/1: a bar goes
#             below 0), plot_width, plot_height
#   $steps    one line per bar: i start end kind (1 rises, 2 falls, 3 the
#             total, from 0)
#   $values_above, $values_below   where each bar's value is printed: i y
#             value signed show (signed 1: a step, printed with its sign; 0:
#             the total), above bars that end up, below those that end down;
#             print where show is 1 (a block with nothing to print holds one
#             line with show 0); n_values_above, n_values_below: how many
# Edit freely; refer only to the names above. Texts are plain (noenhanced).

up_rgb = 0x009988            # a rise
down_rgb = 0xcc3311          # a fall
total_rgb = 0x2f4b7c         # the total
bar_rgb(kind) = kind == 1 ? up_rgb : kind == 2 ? down_rgb : total_rgb
half = 0.32                  # a bar's half-width (a slot is 1 wide)
# a number as printed at the end of a bar: signed for the steps
fmt(v) = abs(v) >= 100 ? sprintf('%.0f', v) : abs(v) >= 10 ? sprintf('%.1f', v) : \
         (abs(v) >= 0.01 || v == 0) ? sprintf('%.2f', v) : sprintf('%.2g', v)
signed(v) = (v > 0 ? '+' : '') . fmt(v)
min(a, b) = a < b ? a : b
max(a, b) = a > b ? a : b
value_text(v, is_step) = is_step > 0 ? signed(v) : fmt(v)

px = 1.0 / plot_height
# a title of several lines (vi and en, with --lang both) pushes the rest down
count_lines(s) = strstrt(s, "\n") > 0 ? 1 + count_lines(s[strstrt(s, "\n") + 1:]) : 1
title_px = 22 * (count_lines(title_main) - 1)
set label 1 title_main at screen 0.5, screen 1 - 24 * px center font ',14'   # centred on the canvas
set tmargin at screen 1 - (50 + title_px) * px
set ylabel label_y
set border 3 lw 1.2
set grid ytics lc rgb '#dddddd'
set ytics nomirror out
set format y '%.10g'
set xzeroaxis lt -1 lw 1.2
set xrange [0.4 : nbars + 0.6]
set xtics nomirror scale 0
set xtics ()
if (slant) { set xtics rotate by 45 right }
do for [i = 1:nbars] { set xtics add (bar_labels[i] i) }
set lmargin at screen left_px * 1.0 / plot_width
set rmargin at screen 1 - 20.0 / plot_width
set bmargin at screen below_px * px
low_room = has_negative ? 0.08 : 0
set offsets 0, 0, graph 0.08, graph low_room   # room for the printed values
set style fill solid 0.9 noborder
unset key

plot $steps using 1:(($2 + $3) / 2):($1 - half):($1 + half):(min($2, $3)):(max($2, $3)):(bar_rgb($4)) \
         with boxxyerror lc rgb variable, \
     $steps every ::0::(nbars - 2) using ($1 + half):3:(1 - 2 * half):(0) with vectors nohead \
         lc rgb '#777777' dt 2 lw 1.2, \
     $values_above using 1:2:($5 > 0 ? value_text($3, $4) : '') with labels offset 0, 0.8 font ',10', \
     $values_below using 1:2:($5 > 0 ? value_text($3, $4) : '') with labels offset 0, -0.8 font ',10'
