# lib.sh — sourced by the end-to-end tests tests/cli/*.sh, which CTest runs as
#   bash tests/cli/NAME.sh INDSIM SOURCE_DIR SCRATCH_DIR
# It sets INDSIM, SRC and T (a fresh scratch folder, removed when every check
# passed) and offers checks that print what they checked, and expected vs got
# when they fail. Needs only bash, coreutils, grep and awk (no network, no stdin).
set -u
INDSIM=$1
SRC=$2
SCRATCH=${3:-${TMPDIR:-/tmp}}
TEST=$(basename "$0" .sh)
mkdir -p "$SCRATCH"
T=$(mktemp -d "$SCRATCH/$TEST.XXXXXX")
PASSED=0
FAILED=0
RC=0
on_exit() { if [ "$FAILED" -eq 0 ]; then rm -rf "$T"; else echo "(files kept in $T)"; fi; }
trap on_exit EXIT
cd "$SRC" || exit 1

ok() { PASSED=$((PASSED + 1)); echo "ok    $1"; }
bad() { FAILED=$((FAILED + 1)); printf 'FAIL  %s\n      expected: %s\n      got:      %s\n' "$1" "$2" "$3"; }

# check_eq WHAT EXPECTED GOT
check_eq() { if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "$2" "$3"; fi; }
# check_contains WHAT FILE TEXT: FILE contains TEXT (fixed string)
check_contains() {
  if grep -qF -- "$3" "$2"; then ok "$1"; else bad "$1" "output containing '$3'" "$(head -c 800 "$2")"; fi
}
# check_file WHAT FILE: exists and is not empty
check_file() { if [ -s "$2" ]; then ok "$1"; else bad "$1" "a non-empty file $2" "$(ls -l "$2" 2>&1)"; fi; }

# run NAME ARG...: indsim with stdin closed and 120 s at most; stdout in
# $T/NAME.out, stderr in $T/NAME.err, exit code in RC.
run() { local name=$1; shift; timeout 120 "$INDSIM" "$@" >"$T/$name.out" 2>"$T/$name.err" </dev/null; RC=$?; }
# run_path NAME PATH ARG...: the same with PATH set to PATH.
run_path() {
  local name=$1 path=$2; shift 2
  timeout 120 env PATH="$path" "$INDSIM" "$@" >"$T/$name.out" 2>"$T/$name.err" </dev/null; RC=$?
}
# check_rc WHAT EXPECTED NAME: the exit code of the last run, with its stderr on failure
check_rc() {
  if [ "$RC" = "$2" ]; then ok "$1"; else bad "$1" "exit code $2" "exit code $RC; stderr: $(head -c 800 "$T/$3.err")"; fi
}

# is_png FILE: the PNG signature 89 50 4E 47 0D 0A 1A 0A and more than 4 kB
is_png() {
  [ -f "$1" ] && [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] && [ "$(stat -c %s "$1")" -gt 4096 ]
}
check_png() {
  if is_png "$2"; then ok "$1"; else
    bad "$1" "a PNG (signature 89 50 4E 47 0D 0A 1A 0A, > 4 kB)" \
        "$( { ls -l "$2" && head -c 8 "$2" | od -An -tx1; } 2>&1 | tr '\n' ' ')"
  fi
}
# is_svg FILE: starts with <?xml or contains <svg
is_svg() { [ -s "$1" ] && { [ "$(head -c 5 "$1")" = "<?xml" ] || grep -q "<svg" "$1"; }; }

# Tests that draw need gnuplot: without it they are skipped (CTest SKIP_RETURN_CODE 77).
need_gnuplot() {
  if ! command -v gnuplot >/dev/null 2>&1; then echo "skipped: no gnuplot on PATH"; exit 77; fi
}

# checksums DIR: every file under DIR with its SHA-256, sorted
checksums() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum); }

finish() {
  echo "$TEST: $PASSED checks passed, $FAILED failed"
  [ "$FAILED" -eq 0 ] && exit 0
  exit 1
}

# annual_problems FILE "SECTOR ..." FIRST LAST: prints what is wrong with an
# annual.csv (nothing if all is well): a row per year FIRST..LAST and per
# sector plus total; the total row's production value, value added,
# investment, capital, employment and policy cost equal to the sum of the
# sector rows (1e-9 relative); the total's growth equal to its production
# value over the year before's, minus one (1e-8), and empty in the first year.
annual_problems() {
  awk -F, -v sectors="$2" -v first="$3" -v last="$4" '
    function abs(x) { return x < 0 ? -x : x }
    function problem(msg) { if (++np <= 20) print msg }
    BEGIN { ns = split(sectors, want, " "); for (k = 1; k <= ns; k++) wanted[want[k]] = 1
            nv = split("production_value value_added investment capital employment policy_cost", add, " ") }
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    {
      y = $col["year"] + 0; s = $col["sector"]; rows++
      count[y, s]++
      if (y < first || y > last) problem("row " NR ": year " y " outside " first ".." last)
      if (s != "total" && !(s in wanted)) problem("row " NR ": unexpected sector " s)
      for (k = 1; k <= nv; k++) {
        v = $col[add[k]]
        if (v == "") problem("row " NR ": empty " add[k])
        if (s == "total") tot[y, k] = v + 0; else sum[y, k] += v
      }
      if (s == "total") { pv[y] = $col["production_value"] + 0; gr[y] = $col["growth"] }
    }
    END {
      for (y = first; y <= last; y++) {
        for (k = 1; k <= ns; k++) if (count[y, want[k]] != 1) problem("year " y ", sector " want[k] ": " count[y, want[k]] + 0 " rows, expected 1")
        if (count[y, "total"] != 1) { problem("year " y ", total: " count[y, "total"] + 0 " rows, expected 1"); continue }
        for (k = 1; k <= nv; k++) {
          t = tot[y, k]; d = abs(t - sum[y, k]); tol = 1e-9 * abs(t)
          if (d > tol) problem(sprintf("year %d: total %s %.12g, sum of the sectors %.12g", y, add[k], t, sum[y, k]))
        }
        if (y == first) { if (gr[y] != "") problem("year " y ": total growth " gr[y] ", expected empty") }
        else if (abs(gr[y] - (pv[y] / pv[y - 1] - 1)) > 1e-8) problem(sprintf("year %d: total growth %s, expected %.10g", y, gr[y], pv[y] / pv[y - 1] - 1))
      }
      if (rows != (last - first + 1) * (ns + 1)) problem(rows + 0 " rows, expected " (last - first + 1) * (ns + 1))
    }' "$1"
}

# sectors_of FILE: the sector names of an annual.csv in order of appearance, without total
sectors_of() { awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "sector") c = i; next }
                        $c != "total" && !seen[$c]++ { printf "%s%s", n++ ? " " : "", $c }' "$1"; }

# total_cost FILE Y0 Y1: the total row's policy cost summed over Y0..Y1
total_cost() {
  awk -F, -v y0="$2" -v y1="$3" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $c["sector"] == "total" && $c["year"] >= y0 && $c["year"] <= y1 { s += $c["policy_cost"] }
    END { printf "%.6f\n", s }' "$1"
}
# cost_years FILE: "YEAR:COST" of every total row with a non-zero policy cost
cost_years() {
  awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $c["sector"] == "total" && $c["policy_cost"] + 0 != 0 { printf "%s%d:%g", n++ ? " " : "", $c["year"], $c["policy_cost"] }' "$1"
}
