# rerun.sh — `indsim rerun DIR` repeats the run recorded in DIR/manifest.json
# (into DIR/.rerun) and confirms the CSV files. Checks: after run, mc and
# calibrate, rerun exits 0 and says "identical", and the CSV files of .rerun
# are byte for byte those of DIR (sha256sum, not indsim's word); from another
# working folder too. A CSV file of DIR changed after the run (a byte
# appended): exit 6 naming it; a recorded checksum that the rerun does not
# reproduce: exit 6 naming the file; a scenario file changed since the run:
# exit 3 "has changed"; gone: exit 5; a folder without manifest.json: exit 5;
# no folder: exit 2.
. "$(dirname "$0")/lib.sh"

# csv_sums DIR: the SHA-256 of every CSV file under DIR outside .rerun, by path
csv_sums() { (cd "$1" && find . -path ./.rerun -prune -o -name '*.csv' -type f -print0 | sort -z | xargs -0 -r sha256sum); }

# rerun_ok LABEL DIR: indsim rerun DIR exits 0, says identical, and .rerun holds the same CSV files
rerun_ok() {
  local label=$1 dir=$2 name=rerun-$1
  run "$name" rerun "$dir"
  check_rc "$label: rerun exits 0" 0 "$name"
  check_contains "$label: rerun says identical" "$T/$name.out" "identical"
  local want got
  want=$(csv_sums "$dir")
  got=$(csv_sums "$dir/.rerun")
  if [ -n "$want" ] && [ "$want" = "$got" ]; then ok "$label: $dir/.rerun has the same CSV files, byte for byte ($(wc -l <<<"$want") files)"
  else bad "$label: $dir/.rerun has the same CSV files, byte for byte" "$want" "$got"; fi
}

run run run --out "$T/R" --no-plots
check_rc "run --out R --no-plots: exit 0" 0 run
check_file "R/manifest.json written" "$T/R/manifest.json"
rerun_ok run "$T/R"

run mc mc scenarios/hanoi/baseline.lua scenarios/hanoi/training.lua -n 100 --seed 4 --threads 2 --out "$T/M" --no-plots
check_rc "mc baseline training -n 100 --out M: exit 0" 0 mc
rerun_ok mc "$T/M"

run cal calibrate scenarios/hanoi/prior.lua --out "$T/C"
check_rc "calibrate scenarios/hanoi/prior.lua --out C: exit 0" 0 cal
rerun_ok calibrate "$T/C"

# From another working folder: the manifest records the folder the relative
# file names were given in.
mkdir -p "$T/elsewhere"
INDSIM_ABS=$(realpath "$INDSIM")
(cd "$T/elsewhere" && timeout 120 "$INDSIM_ABS" rerun "$T/M" >"$T/elsewhere.out" 2>"$T/elsewhere.err" </dev/null)
RC=$?
check_rc "rerun of the mc folder from another working folder: exit 0" 0 elsewhere
check_contains "... and it says identical" "$T/elsewhere.out" "identical"

# A CSV file of the output folder changed after the run: exit 6, named.
cp -r "$T/R" "$T/R-corrupt"
rm -rf "$T/R-corrupt/.rerun"
printf 'x' >>"$T/R-corrupt/baseline/annual.csv"
run corrupt rerun "$T/R-corrupt"
check_rc "a byte appended to baseline/annual.csv: rerun exits 6" 6 corrupt
{ tail -n 5 "$T/corrupt.out"; cat "$T/corrupt.err"; } >"$T/corrupt.all"
check_contains "... naming baseline/annual.csv" "$T/corrupt.all" "baseline/annual.csv"

# The manifest records another checksum than the rerun gives: exit 6, named.
cp -r "$T/R" "$T/R-sum"
rm -rf "$T/R-sum/.rerun"
sed -i '/"path": "training\/annual.csv"/{n;s/"sha256": "[0-9a-f]*"/"sha256": "'"$(printf '0%.0s' {1..64})"'"/}' "$T/R-sum/manifest.json"
check_eq "(the test edited the checksum of training/annual.csv in the copy's manifest)" 1 \
  "$(grep -c '"sha256": "0\{64\}"' "$T/R-sum/manifest.json")"
run sum rerun "$T/R-sum"
check_rc "a recorded checksum the rerun does not reproduce: exit 6" 6 sum
{ tail -n 5 "$T/sum.out"; cat "$T/sum.err"; } >"$T/sum.all"
check_contains "... naming training/annual.csv" "$T/sum.all" "training/annual.csv"
check_eq "... and only that file" "" "$(grep -oE '[a-z_]+/[a-z_]+\.csv' "$T/sum.all" | grep -v -x 'training/annual.csv' | head -n 3)"

# A scenario file changed since the run: exit 3, "has changed"; gone: exit 5.
mkdir -p "$T/sc"
cp tests/data/keep.lua "$T/sc/mine.lua"
run mine run "$T/sc/mine.lua" --out "$T/S" --no-plots
check_rc "run of a copy of tests/data/keep.lua: exit 0" 0 mine
rerun_ok unchanged-copy "$T/S"
sed -i 's/budget = 50/budget = 60/' "$T/sc/mine.lua"
run changed rerun "$T/S"
check_rc "the scenario file edited since the run: rerun exits 3" 3 changed
check_contains "... saying it has changed" "$T/changed.err" "has changed"
check_contains "... naming the file" "$T/changed.err" "$T/sc/mine.lua"
rm "$T/sc/mine.lua"
run gone rerun "$T/S"
check_rc "the scenario file removed since the run: rerun exits 5" 5 gone

# No manifest: exit 5; no folder given: exit 2.
mkdir -p "$T/empty"
run nomanifest rerun "$T/empty"
check_rc "rerun of a folder without manifest.json: exit 5" 5 nomanifest
check_contains "... saying so" "$T/nomanifest.err" "manifest.json"
run noarg rerun
check_rc "rerun without a folder: exit 2" 2 noarg
finish
