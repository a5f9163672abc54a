# backtest.sh — `indsim backtest scenarios/hanoi/prior.lua --until 2005 -n N`:
# exit 0; backtest.csv with a row for each observation after 2005, in the
# order of the scenario file, with its observed value from the file; each
# row's bands in order, in50 implying in90, in50 and in90 consistent with the
# observed value against the bands of the same row, error = median - observed;
# the coverage line on stdout equal to the file's counts. Without --until, or
# with nothing held out (--until 2010): exit 2.
. "$(dirname "$0")/lib.sh"

PRIOR=scenarios/hanoi/prior.lua
N=300
OUT=$T/D
F=$OUT/baseline_prior/backtest.csv
run bt backtest "$PRIOR" --until 2005 -n $N --seed 2 --threads 2 --out "$OUT"
check_rc "backtest $PRIOR --until 2005 -n $N: exit 0" 0 bt
check_file "baseline_prior/backtest.csv written" "$F"
check_eq "backtest.csv header" "observation,observed,median,error,q05,q25,q75,q95,in50,in90" "$(head -n 1 "$F" 2>/dev/null)"
check_file "baseline_prior/fan.csv written" "$OUT/baseline_prior/fan.csv"

# The observations of scenarios/hanoi/prior.lua after 2005 (all in 2006 and
# 2007): 12 of its 14, in the file's order, observed values in % there.
HELD="growth 2006 (total)=16.5
6 months 2007 y/y (total)=21.3
2 months 2006 y/y (total)=21.3
8 months 2006 y/y (total)=17.1
2 months 2006 y/y (state)=7.7
8 months 2006 y/y (state)=3
6 months 2007 y/y (state)=5.9
2 months 2006 y/y (non_state)=19.9
8 months 2006 y/y (non_state)=26.4
6 months 2007 y/y (non_state)=24.9
2 months 2006 y/y (fdi)=45.2
8 months 2006 y/y (fdi)=29.2"
NHELD=12
check_eq "$PRIOR: $NHELD observations in 2006-2007 (update this test if it changed)" "$NHELD" \
  "$(grep -cE '^ *obs\..*year = 200[67]' "$PRIOR")"
check_eq "backtest.csv: one row per held-out observation, observed as in $PRIOR (%)" "$HELD" \
  "$(awk -F, 'NR > 1 { l = $1; gsub(/"/, "", l); printf "%s=%.10g\n", l, 100 * $2 }' "$F" 2>/dev/null)"

problems=$(awk -F, 'NR == 1 { next }
  function abs(x) { return x < 0 ? -x : x }
  { o = $2; m = $3; e = $4; q05 = $5; q25 = $6; q75 = $7; q95 = $8; i50 = $9; i90 = $10
    for (i = 2; i <= 10; i++) if ($i == "") { print $1 ": empty column " i; next }
    if (!(q05 <= q25 && q25 <= m && m <= q75 && q75 <= q95)) print $1 ": q05 <= q25 <= median <= q75 <= q95 fails: " $0
    if (i50 == 1 && i90 != 1) print $1 ": in50 without in90"
    w50 = (o >= q25 && o <= q75) ? 1 : 0; w90 = (o >= q05 && o <= q95) ? 1 : 0
    if (i50 != w50) print $1 ": in50 " i50 ", observed " o " against [" q25 ", " q75 "] says " w50
    if (i90 != w90) print $1 ": in90 " i90 ", observed " o " against [" q05 ", " q95 "] says " w90
    if (abs(e - (m - o)) > 1e-9) print $1 ": error " e ", median - observed " m - o }' "$F" 2>/dev/null | head -n 12)
check_eq "every row: bands in order, in50 => in90, in50/in90 as observed vs the bands, error = median - observed" "" "$problems"

want=$(awk -F, 'NR > 1 { n++; a += $9; b += $10 } END { printf "inside the 50 %% band: %d of %d; inside the 90 %% band: %d of %d", a, n, b, n }' "$F" 2>/dev/null)
check_contains "stdout: the coverage counts of backtest.csv" "$T/bt.out" "$want"
check_contains "stdout: calibrated up to 2005, $N draws" "$T/bt.out" "calibrated on the observations up to 2005, $N draws"
check_eq "stdout: the calibration report marks the $NHELD held out" "$NHELD" "$(grep -c '(held out)' "$T/bt.out")"

# Usage errors: exit 2, nothing written.
run nountil backtest "$PRIOR" -n 50 --out "$T/o-nountil"
check_rc "backtest without --until: exit 2" 2 nountil
check_contains "... the message asks for --until" "$T/nountil.err" "--until"
run late backtest "$PRIOR" --until 2010 -n 50 --out "$T/o-late"
check_rc "backtest --until 2010 (nothing held out): exit 2" 2 late
check_contains "... the message says nothing is held out" "$T/late.err" "no observation after 2010"
for o in nountil late; do
  check_eq "$o: no backtest.csv written" "" "$(find "$T/o-$o" -name backtest.csv 2>/dev/null)"
done
finish
