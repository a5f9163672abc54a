# svg.sh — `indsim run --svg`: the plots come out as SVG, each with its .gp.
. "$(dirname "$0")/lib.sh"
need_gnuplot

OUT=$T/out
run svg run scenarios/hanoi/baseline.lua scenarios/hanoi/training.lua --svg --out "$OUT"
check_rc "indsim run A B --svg exits 0" 0 svg
for plot in baseline/projection training/projection compare economics economics_cumulative; do
  if is_svg "$OUT/$plot.svg"; then ok "$plot.svg is an SVG (<?xml or <svg)"
  else bad "$plot.svg is an SVG (<?xml or <svg)" "an SVG file" "$(ls -l "$OUT/$plot.svg" 2>&1; head -c 200 "$OUT/$plot.svg" 2>/dev/null)"; fi
  check_file "$plot.gp beside it" "$OUT/$plot.gp"
done
check_file "--svg still writes baseline/annual.csv" "$OUT/baseline/annual.csv"
check_eq "--svg: no PNG at all" "" "$(find "$OUT" -name "*.png" | head -3)"
finish
