# mc.sh — `indsim mc BASELINE OTHER -n N`: Monte Carlo ensembles, gains
# against the first scenario with common random numbers. Checks: exit 0;
# fan.csv with its header for both scenarios, one row per year, sector,
# variable and set; the same bytes whatever the thread count; another seed
# gives other numbers; gain rows only for the second scenario, exactly 0 (and
# levels equal to the baseline's) before the programme starts in 2008; the
# quantiles in order and n <= N; the stdout summary (draws, 90 % bands) equal
# to fan.csv; fan.png and fan_gain_pct.png with their .gp; plan targets in
# targets.csv; bad -n and --threads refused with exit 2.
# Without gnuplot the PNG checks are skipped and the test exits 77 (skipped)
# if every other check passed.
. "$(dirname "$0")/lib.sh"

N=200
BASE=scenarios/hanoi/baseline.lua
OTHER=scenarios/hanoi/training.lua
HEADER="year,sector,variable,set,n,mean,sd,q05,q25,q50,q75,q95"
FIRST=2000 LAST=2030 POLICY_FROM=2008 # hanoi/prior period; hanoi/programme FROM
SECTORS="state non_state fdi total"

run d1 mc "$BASE" "$OTHER" -n $N --seed 5 --threads 1 --out "$T/D1"
check_rc "mc baseline training -n $N --seed 5 --threads 1: exit 0" 0 d1
run d2 mc "$BASE" "$OTHER" -n $N --seed 5 --threads 2 --out "$T/D2"
check_rc "the same with --threads 2: exit 0" 0 d2
run d3 mc "$BASE" "$OTHER" -n $N --seed 6 --threads 1 --out "$T/D3"
check_rc "the same with --seed 6: exit 0" 0 d3

for s in baseline training; do
  f=$T/D1/$s/fan.csv
  check_file "$s/fan.csv written" "$f"
  check_eq "$s/fan.csv header" "$HEADER" "$(head -n 1 "$f" 2>/dev/null)"
  if cmp -s "$f" "$T/D2/$s/fan.csv"; then ok "$s/fan.csv: --threads 1 and --threads 2 give the same bytes"
  else bad "$s/fan.csv: --threads 1 and --threads 2 give the same bytes" "identical files" \
           "$(cmp "$f" "$T/D2/$s/fan.csv" 2>&1; diff "$f" "$T/D2/$s/fan.csv" 2>&1 | head -n 4)"; fi
done
if cmp -s "$T/D1/baseline/fan.csv" "$T/D3/baseline/fan.csv"; then
  bad "--seed 6 gives another baseline/fan.csv than --seed 5" "files that differ" "identical files"
else ok "--seed 6 gives another baseline/fan.csv than --seed 5"; fi

# The variables of fan.csv are the columns of annual.csv (a single run), a row
# per year, sector and variable in each set: level (and gain, gain_pct for
# the second scenario only).
run single run "$BASE" --no-plots --out "$T/single"
check_rc "run $BASE --no-plots (for the variables of annual.csv): exit 0" 0 single
VARS=$(head -n 1 "$T/single/baseline/annual.csv" 2>/dev/null | tr ',' '\n' | grep -v -x -e year -e sector | sort | tr '\n' ' ')
NV=$(wc -w <<<"$VARS")
NROWS=$(((LAST - FIRST + 1) * 4 * NV))
# set_counts FILE: "SET:ROWS" of each set, and the variables seen
set_counts() { awk -F, 'NR > 1 { c[$4]++ } END { for (s in c) print s ":" c[s] }' "$1" | sort | tr '\n' ' '; }
vars_of() { awk -F, 'NR > 1 && !seen[$3]++ { print $3 }' "$1" | sort | tr '\n' ' '; }
check_eq "baseline/fan.csv: the variables of annual.csv" "$VARS" "$(vars_of "$T/D1/baseline/fan.csv")"
check_eq "baseline/fan.csv: level rows only, one per year $FIRST..$LAST, sector (3 + total) and variable ($NV)" \
  "level:$NROWS " "$(set_counts "$T/D1/baseline/fan.csv")"
check_eq "training/fan.csv: level, gain and gain_pct rows, $NROWS each" \
  "gain:$NROWS gain_pct:$NROWS level:$NROWS " "$(set_counts "$T/D1/training/fan.csv")"
check_eq "training/fan.csv: sectors $SECTORS" "$(tr ' ' '\n' <<<"$SECTORS" | sort | tr '\n' ' ')" \
  "$(awk -F, 'NR > 1 && !seen[$2]++ { print $2 }' "$T/D1/training/fan.csv" | sort | tr '\n' ' ')"

# fan_problems FILE N: rows whose quantiles are out of order, whose n exceeds
# N, or whose statistics are missing although n > 0 (or present with n = 0).
fan_problems() {
  awk -F, -v N="$2" 'NR == 1 { next }
    function problem(m) { if (++np <= 10) print "line " NR ": " m ": " $0 }
    $5 !~ /^[0-9]+$/ || $5 + 0 > N { problem("n not in 0.." N); next }
    $5 + 0 == 0 { if ($6 $7 $8 $9 $10 $11 $12 != "") problem("n = 0 but statistics given"); next }
    { for (i = 6; i <= 12; i++) if ($i == "") { problem("empty statistic with n > 0"); next }
      if ($7 < 0) problem("negative sd")
      if (!($8 <= $9 && $9 <= $10 && $10 <= $11 && $11 <= $12)) problem("q05 <= q25 <= q50 <= q75 <= q95 fails") }
    END { if (np > 10) print np - 10 " more" }' "$1"
}
for s in baseline training; do
  check_eq "$s/fan.csv: every row q05 <= q25 <= q50 <= q75 <= q95, n <= $N, statistics iff n > 0" \
    "" "$(fan_problems "$T/D1/$s/fan.csv" $N)"
done
check_eq "baseline production value in $LAST: statistics over all $N draws (none failed)" "$N" \
  "$(awk -F, -v y=$LAST '$1 == y && $2 == "total" && $3 == "production_value" && $4 == "level" { print $5 }' "$T/D1/baseline/fan.csv")"

# Common random numbers: the second scenario uses the baseline's draws, so
# before its policies start (2008) its levels are the baseline's, and every
# gain is exactly 0, in the first year and in every year up to 2007.
gains_nonzero() {
  awk -F, -v y0="$2" -v y1="$3" 'NR > 1 && ($4 == "gain" || $4 == "gain_pct") && $1 >= y0 && $1 <= y1 && $5 > 0 {
      for (i = 6; i <= 12; i++) if ($i + 0 != 0) { if (++n <= 5) print $0; break } }
    END { if (n > 5) print n - 5 " more" }' "$1"
}
check_eq "training: every gain row of $FIRST (before any policy) is exactly 0" "" \
  "$(gains_nonzero "$T/D1/training/fan.csv" $FIRST $FIRST)"
check_eq "training: every gain row of $FIRST..$((POLICY_FROM - 1)) is exactly 0 (the programme starts in $POLICY_FROM)" "" \
  "$(gains_nonzero "$T/D1/training/fan.csv" $FIRST $((POLICY_FROM - 1)))"
levels_before() { awk -F, -v y="$2" 'NR > 1 && $4 == "level" && $1 < y' "$1"; }
if [ "$(levels_before "$T/D1/training/fan.csv" $POLICY_FROM)" = "$(levels_before "$T/D1/baseline/fan.csv" $POLICY_FROM)" ]; then
  ok "training: level rows before $POLICY_FROM equal the baseline's (same draws)"
else
  bad "training: level rows before $POLICY_FROM equal the baseline's (same draws)" "identical rows" \
      "$(diff <(levels_before "$T/D1/baseline/fan.csv" $POLICY_FROM) <(levels_before "$T/D1/training/fan.csv" $POLICY_FROM) | head -n 4)"
fi
check_eq "training: the production-value gain of 2010 is positive in more than 95 % of draws (q05 > 0)" "yes" \
  "$(awk -F, '$1 == 2010 && $2 == "total" && $3 == "production_value" && $4 == "gain" { print ($8 > 0 ? "yes" : "no: " $0) }' "$T/D1/training/fan.csv")"

# The summary on stdout: the draws, and the medians and 90 % bands of the
# report years (hanoi/prior: 2010, 2015, 2020, 2030) as in fan.csv.
check_contains "summary: the number of draws" "$T/d1.out" "Monte Carlo: $N draws each"
check_contains "summary: the 90 % band" "$T/d1.out" "median [5 % – 95 %]"
for y in 2010 2015 2020 2030; do
  want=$(awk -F, -v y=$y '$1 == y && $2 == "total" && $3 == "production_value" && $4 == "level" {
           printf "%d  production value %.0f [%.0f – %.0f]", y, $10, $8, $12 }' "$T/D1/baseline/fan.csv")
  got=$(awk '/^baseline/ { b = 1; next } /^[^ ]/ { b = 0 } b' "$T/d1.out" | grep -F "  $y  " | sed 's/^ *//')
  check_eq "summary: baseline $y median and 90 % band = fan.csv (total production value)" "$want" "$got"
  want=$(awk -F, -v y=$y '$1 == y && $2 == "total" && $3 == "production_value" && $4 == "gain_pct" {
           printf "gain %+.2f [%+.2f – %+.2f] %%", $10, $8, $12 }' "$T/D1/training/fan.csv")
  got=$(awk '/^training/ { b = 1; next } /^[^ ]/ { b = 0 } b' "$T/d1.out" | grep -F "  $y  " | grep -o 'gain .*')
  check_eq "summary: training $y gain median and 90 % band = fan.csv (gain_pct)" "$want" "$got"
done

# The plots: fan.gp always, the PNGs only with gnuplot.
SKIPPED=""
for p in baseline/fan training/fan training/fan_gain_pct; do check_file "$p.gp written" "$T/D1/$p.gp"; done
check_eq "no fan_gain_pct for the baseline (it has no gains)" "" "$(find "$T/D1/baseline" -name '*gain*')"
if command -v gnuplot >/dev/null 2>&1; then
  for p in baseline/fan training/fan training/fan_gain_pct; do check_png "$p.png is a PNG" "$T/D1/$p.png"; done
else
  echo "skipped: the PNG checks (no gnuplot on PATH)"
  SKIPPED=yes
fi

# Plan targets (tests/data/mc_plan_targets.lua: average growth 2006-2010 of
# at least 15 % and 19 % a year): targets.csv, a row for each with p_met in
# [0, 1] and consistent with the quantiles of the value in the same row
# (a target below q05 is met in >= 95 % of the draws, one between q25 and q75
# in 25..75 %, ...; 0.02 slack), and the same P(met) on stdout.
run plan mc tests/data/mc_plan_targets.lua -n 100 --seed 3 --threads 2 --out "$T/P"
check_rc "mc tests/data/mc_plan_targets.lua -n 100: exit 0" 0 plan
TF=$T/P/plan_targets/targets.csv
check_file "plan_targets/targets.csv written" "$TF"
check_eq "targets.csv header" "target,value,p_met,shortfall,n,mean,sd,q05,q25,q50,q75,q95" "$(head -n 1 "$TF" 2>/dev/null)"
check_eq "targets.csv: one row per target, the values 0.15 and 0.19" "0.15 0.19" \
  "$(awk -F, 'NR > 1 { printf "%s%s", n++ ? " " : "", $(NF - 10) }' "$TF" 2>/dev/null)"
problems=$(awk -F, 'NR == 1 { next }
  { v = $(NF - 10); p = $(NF - 9); q[1] = $(NF - 4); q[2] = $(NF - 3); q[3] = $(NF - 2); q[4] = $(NF - 1); q[5] = $NF
    split("0.05 0.25 0.5 0.75 0.95", lev, " ")
    if (p == "" || p < 0 || p > 1) { print "row " NR ": p_met " p " not in [0, 1]"; next }
    lo = 0; hi = 1
    for (i = 1; i <= 5; i++) { if (q[i] <= v) hi = 1 - lev[i]; if (q[i] >= v && lo == 0) lo = 1 - lev[i] }
    if (p < lo - 0.02 || p > hi + 0.02) print "row " NR ": target " v ", quantiles " q[1] " .. " q[5] ": p_met " p ", expected in [" lo ", " hi "]" }' "$TF" 2>/dev/null)
check_eq "targets.csv: p_met in [0, 1] and consistent with the quantiles of its row" "" "$problems"
want=$(awk -F, 'NR > 1 { printf "%.2f ", $(NF - 9) }' "$TF" 2>/dev/null)
got=$(grep -o 'P(met) = [0-9.]*' "$T/plan.out" | sed 's/P(met) = //' | tr '\n' ' ')
check_eq "stdout: P(met) of each target as in targets.csv" "$want" "$got"

# Usage errors: exit 2, nothing written.
for bad_args in "-n 0" "-n abc" "--threads 0"; do
  name=usage-${bad_args// /}
  # shellcheck disable=SC2086
  run "$name" mc "$BASE" $bad_args --out "$T/o-$name"
  check_rc "mc $bad_args: exit 2" 2 "$name"
  check_eq "mc $bad_args: nothing written" "" "$(find "$T/o-$name" -type f 2>/dev/null | head -n 3)"
done

if [ "$FAILED" -eq 0 ] && [ -n "$SKIPPED" ]; then echo "$TEST: $PASSED checks passed; PNG checks skipped"; exit 77; fi
finish
