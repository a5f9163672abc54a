# run_default.sh — `indsim run --out DIR`, the built-in Hanoi default: exit 0;
# DIR/<scenario>/annual.csv for the baseline, the package and the six single
# measures with the required columns, one row per year 2000..2030 and sector
# plus total, totals equal to the sums of the sectors; policy costs equal to
# the programme's budgets; DIR/baseline/projection.png and DIR/compare.png are
# PNGs whose .gp beside them re-renders with gnuplot alone; the same from a
# folder outside the source tree (built-in scenarios and plot templates).
. "$(dirname "$0")/lib.sh"
need_gnuplot

OUT=$T/out
run default run --out "$OUT"
check_rc "indsim run --out DIR exits 0" 0 default

# The programme's yearly budgets, 2008-2015 (scenarios/hanoi/programme.lua):
# business_env 20 + training 100 + tech_renewal 150 + credit 100
# + industrial_zones 300 + trade_promotion 50 = 720 bn VND a year;
# 8 years × 720 = 5760 bn VND for the package.
declare -A BUDGET=([business_env]=20 [training]=100 [tech_renewal]=150 [credit]=100 [industrial_zones]=300 [trade_promotion]=50)
SCENARIOS="baseline package business_env training tech_renewal credit industrial_zones trade_promotion"
COLUMNS_NEEDED="year sector production_value growth value_added investment capital employment labour_productivity skilled_share modern_tech_share policy_cost"

SECTORS=$(sectors_of "$OUT/baseline/annual.csv" 2>/dev/null)
check_eq "baseline/annual.csv: the three ownership blocks" "state non_state fdi" "$SECTORS"
for s in $SCENARIOS; do
  f=$OUT/$s/annual.csv
  check_file "$s/annual.csv written" "$f"
  [ -s "$f" ] || continue
  header=$(head -n 1 "$f")
  missing=""
  for c in $COLUMNS_NEEDED; do case ",$header," in *",$c,"*) ;; *) missing="$missing $c" ;; esac; done
  check_eq "$s/annual.csv has the columns $COLUMNS_NEEDED" "" "$missing"
  check_eq "$s/annual.csv: a row per year 2000..2030 and sector plus total; totals = sums of the sectors" \
    "" "$(annual_problems "$f" "$SECTORS" 2000 2030)"
  check_png "$s/projection.png is a PNG" "$OUT/$s/projection.png"
  if [ "$s" = baseline ]; then
    check_eq "baseline: no policy cost in any year" "" "$(cost_years "$f")"
  elif [ "$s" = package ]; then
    check_eq "package: policy cost 2008..2015 = 8 × 720 = 5760 bn VND" "5760.000000" "$(total_cost "$f" 2008 2015)"
    check_eq "package: no policy cost outside 2008..2015" "0.000000 0.000000" "$(total_cost "$f" 2000 2007) $(total_cost "$f" 2016 2030)"
  else
    b=${BUDGET[$s]}
    want=""
    for y in 2008 2009 2010 2011 2012 2013 2014 2015; do want="$want${want:+ }$y:$b"; done
    check_eq "$s: policy cost $b a year in 2008..2015 only" "$want" "$(cost_years "$f")"
  fi
done
check_contains "the summary table names the package" "$T/default.out" "package"
check_contains "the fit table shows the 2001-2005 average" "$T/default.out" "2001-2005"

# The plots, and their gnuplot scripts re-rendered by gnuplot alone in a
# folder of their own.
for plot in baseline/projection compare; do
  check_png "$plot.png is a PNG" "$OUT/$plot.png"
  check_file "$plot.gp beside it" "$OUT/$plot.gp"
  name=$(basename "$plot")
  dir=$T/rerender-$name
  mkdir -p "$dir" && cp "$OUT/$plot.gp" "$dir/"
  (cd "$dir" && timeout 60 gnuplot "$name.gp" </dev/null >"$dir/gnuplot.log" 2>&1)
  check_eq "gnuplot $name.gp (a copy, alone in a temp folder) exits 0" 0 "$?"
  check_png "gnuplot $name.gp re-renders $name.png" "$dir/$name.png"
  (cd "$dir" && timeout 60 gnuplot -e "fmt='svg'" "$name.gp" </dev/null >>"$dir/gnuplot.log" 2>&1)
  if is_svg "$dir/$name.svg"; then ok "gnuplot -e \"fmt='svg'\" $name.gp renders an SVG"
  else bad "gnuplot -e \"fmt='svg'\" $name.gp renders an SVG" "$dir/$name.svg" "$(ls "$dir"; cat "$dir/gnuplot.log")"; fi
done

# From a folder without scenarios/ and plots/: the copies built into indsim.
mkdir -p "$T/elsewhere" && cd "$T/elsewhere" || exit 1
run elsewhere run --out "$T/out-elsewhere"
check_rc "indsim run from a folder without scenarios/ or plots/: exit 0" 0 elsewhere
check_eq "built-in default: the same eight scenario folders" "$SCENARIOS" \
  "$(for s in $SCENARIOS; do [ -s "$T/out-elsewhere/$s/annual.csv" ] && printf '%s%s' "${sep:-}" "$s" && sep=' '; done)"
check_png "built-in templates: baseline/projection.png is a PNG" "$T/out-elsewhere/baseline/projection.png"
check_png "built-in templates: compare.png is a PNG" "$T/out-elsewhere/compare.png"
finish
