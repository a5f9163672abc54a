# calibrate.sh — `indsim calibrate scenarios/hanoi/prior.lua`: exit 0, the
# report says it converged; DIR/baseline_prior/ gets posterior.lua,
# calibration.csv (a row per fitted number, the same numbers as posterior.lua)
# and annual.csv; posterior.lua loads back as a joint distribution and a
# single run with it reproduces the calibrated production values; --until
# 2005 fits fewer observations and marks the others held out; a scenario
# without a calibration block is refused (exit 3) with a message about fit.
# Whether the fit recovers known numbers is tested in C (tests/test_calib.c).
. "$(dirname "$0")/lib.sh"

PRIOR=scenarios/hanoi/prior.lua
# Observations of hanoi/prior (its `observations` block): 14 in all; 2 up to
# 2005 (the 2001-2005 average growth and the 2000 level), 12 in 2006-2007.
NOBS=14 NOBS_2005=2 NHELD_2005=12
NOBS_FILE=$(grep -c '^ *obs\.' "$PRIOR")
check_eq "$PRIOR has $NOBS observations (update this test if it changed)" "$NOBS" "$NOBS_FILE"

OUT=$T/D
DIR=$OUT/baseline_prior
run cal calibrate "$PRIOR" --out "$OUT"
check_rc "calibrate $PRIOR: exit 0" 0 cal
check_contains "the report says it converged" "$T/cal.out" ": converged after"
check_eq "... and never NOT converged" "" "$(grep -F 'NOT converged' "$T/cal.out")"
check_contains "the report names the observations it fitted" "$T/cal.out" "to $NOBS observations:"
check_eq "no observation held out without --until" "0" "$(grep -c '(held out)' "$T/cal.out")"
for f in posterior.lua calibration.csv annual.csv; do check_file "baseline_prior/$f written" "$DIR/$f"; done
check_eq "calibration.csv header" "name,value,se,prior_z,prior_sd,shrink,identified_by_data,set_by" \
  "$(head -n 1 "$DIR/calibration.csv" 2>/dev/null)"
check_eq "annual.csv: a row per year 2000..2030 and block plus total; totals = sums" "" \
  "$(annual_problems "$DIR/annual.csv" "state non_state fdi" 2000 2030)"

# calibration.csv: every value given; se >= 0; shrink = se / prior_sd;
# identified_by_data yes or no; set_by one of the report's verdicts.
problems=$(awk -F, 'NR == 1 { next }
  function abs(x) { return x < 0 ? -x : x }
  { if ($2 == "") print $1 ": no value"
    if ($3 != "" && $3 < 0) print $1 ": se " $3 " < 0"
    if ($3 != "" && $5 != "" && abs($6 - $3 / $5) > 1e-8 * abs($6)) print $1 ": shrink " $6 ", se/prior_sd " $3 / $5
    if ($7 != "yes" && $7 != "no") print $1 ": identified_by_data " $7
    if ($8 != "data" && $8 != "prior (data silent)" && $8 != "data and prior" && $8 != "NOT IDENTIFIED") print $1 ": set_by " $8 }' \
  "$DIR/calibration.csv" 2>/dev/null | head -n 10)
check_eq "calibration.csv: values given, se >= 0, shrink = se/prior_sd, yes/no, a known verdict" "" "$problems"

# posterior.lua: the same numbers as calibration.csv (its means are the
# fitted values, of their logarithms for the numbers listed in log, of the
# log-odds within their bounds for those listed in logit).
# lua_list KEY FILE: the items of the line "  KEY = { a, b, ... },"
lua_list() { grep -E "^ *$1 = \{" "$2" | head -n 1 | sed -E 's/^[^{]*\{ *//; s/ *\},? *$//; s/"//g; s/, */\n/g'; }
got=$(paste -d, <(lua_list params "$DIR/posterior.lua") <(lua_list mean "$DIR/posterior.lua") |
      awk -F, -v logs=" $(lua_list log "$DIR/posterior.lua" | tr '\n' ' ') " \
          -v logits=" $(lua_list logit "$DIR/posterior.lua" | tr '\n' ' ') " -v csv="$DIR/calibration.csv" \
          -v bounds="$(grep -E '^ *bounds = ' "$DIR/posterior.lua" | grep -oE '\["[^"]*"\] = \{ [^}]* \}' | tr -d '[]"{},' | tr -s ' ' | tr '\n' ';')" '
  function abs(x) { return x < 0 ? -x : x }
  BEGIN { while ((getline line < csv) > 0) if (n++) { split(line, c, ","); want[c[1]] = c[2] }
          nb = split(bounds, b, ";"); for (i = 1; i <= nb; i++) { split(b[i], f, " "); if (f[1] != "") { lo[f[1]] = f[3]; hi[f[1]] = f[4] } } }
  { v = index(logs, " " $1 " ") ? exp($2) : index(logits, " " $1 " ") ? lo[$1] + (hi[$1] - lo[$1]) / (1 + exp(-$2)) : $2 + 0; seen++
    if (!($1 in want)) print $1 ": not in calibration.csv"
    else if (abs(v - want[$1]) > 1e-8 * abs(want[$1]) + 1e-15) print $1 ": posterior " v ", calibration.csv " want[$1] }
  END { if (seen != n - 1) print seen + 0 " numbers in posterior.lua, " n - 1 " in calibration.csv" }')
check_eq "posterior.lua: the numbers of calibration.csv, means = fitted values (exp for log, bounded logistic for logit)" "" "$got"

# posterior.lua loads back (tests/data/posterior_joint.lua: hanoi/prior with
# joints = { scenario.load "posterior" }, found through --path) and a single
# run with it gives the calibrated baseline's production values (1e-9).
run joint run tests/data/posterior_joint.lua --path "$DIR" --no-plots --out "$T/J"
check_rc "run of hanoi/prior with the posterior as its joint: exit 0" 0 joint
# pv_diff A B TOL: rows whose production value differs by more than TOL (relative)
pv_diff() {
  awk -F, -v tol="$3" 'function abs(x) { return x < 0 ? -x : x }
    FNR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    NR == FNR { a[$c["year"] "," $c["sector"]] = $c["production_value"]; next }
    { k = $c["year"] "," $c["sector"]; n++
      if (!(k in a)) { if (++np <= 5) print k ": missing"; next }
      if (abs($c["production_value"] - a[k]) > tol * abs(a[k])) if (++np <= 5) print k ": " a[k] " vs " $c["production_value"] }
    END { if (n == 0) print "no rows"; if (np > 5) print np - 5 " more" }' "$1" "$2"
}
check_eq "with the posterior: production value = calibrated baseline's annual.csv, every year and block (1e-9)" "" \
  "$(pv_diff "$DIR/annual.csv" "$T/J/prior_with_posterior/annual.csv" 1e-9)"
# ... which is not what the priors' medians give (the check above is not vacuous).
run plain run "$PRIOR" --no-plots --out "$T/plain"
check_rc "run of $PRIOR without calibration: exit 0" 0 plain
if [ -z "$(pv_diff "$DIR/annual.csv" "$T/plain/baseline_prior/annual.csv" 1e-6)" ]; then
  bad "the uncalibrated prior gives other production values than the calibration" "differences above 1e-6" "none"
else ok "the uncalibrated prior gives other production values than the calibration"; fi

# --until 2005: only the observations up to 2005; the others held out.
run until calibrate "$PRIOR" --until 2005 --out "$T/U"
check_rc "calibrate --until 2005: exit 0" 0 until
check_contains "--until 2005: the report says 'up to 2005'" "$T/until.out" "to $NOBS_2005 observations up to 2005:"
check_eq "--until 2005: the $NHELD_2005 observations of 2006-2007 marked held out" "$NHELD_2005" "$(grep -c '(held out)' "$T/until.out")"
check_eq "--until 2005: no observation of 2005 or before held out" "" \
  "$(grep -F '(held out)' "$T/until.out" | grep -E ' (19[0-9][0-9]|200[0-5])( |-)' | head -n 3)"
check_file "--until 2005: calibration.csv written" "$T/U/baseline_prior/calibration.csv"
if cmp -s "$DIR/calibration.csv" "$T/U/baseline_prior/calibration.csv"; then
  bad "--until 2005: another calibration than with every observation" "calibration.csv files that differ" "identical files"
else ok "--until 2005: another calibration than with every observation"; fi
run until_bad calibrate "$PRIOR" --until abc --out "$T/U2"
check_rc "calibrate --until abc: exit 2" 2 until_bad

# No calibration block and no fit: exit 3, the message says what to fit, nothing written.
run nofit calibrate tests/data/calib_no_fit.lua --out "$T/N"
check_rc "calibrate of a scenario without a calibration block: exit 3" 3 nofit
check_contains "... the message names fit" "$T/nofit.err" "fit = {"
check_eq "... nothing written" "" "$(find "$T/N" -type f 2>/dev/null | head -n 3)"
finish
