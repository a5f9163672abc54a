# no_gnuplot.sh — without gnuplot (--gnuplot /nonexistent/gnuplot, or a PATH
# that lacks it) `indsim run` still writes every CSV file and prints the
# summary and fit tables, exits 0, and says so in exactly one warning line
# on stderr that mentions gnuplot.
. "$(dirname "$0")/lib.sh"

SCENARIOS="baseline package business_env training tech_renewal credit industrial_zones trade_promotion"
mkdir -p "$T/empty-bin"
for how in option path; do
  OUT=$T/out-$how
  if [ $how = option ]; then
    label="--gnuplot /nonexistent/gnuplot"
    run $how run --gnuplot /nonexistent/gnuplot --out "$OUT"
  else
    label="PATH without gnuplot"
    run_path $how "$T/empty-bin" run --out "$OUT"
  fi
  check_rc "$label: exit 0" 0 $how
  for s in $SCENARIOS; do check_file "$label: $s/annual.csv written" "$OUT/$s/annual.csv"; done
  check_file "$label: baseline/fit.csv written" "$OUT/baseline/fit.csv"
  for s in $SCENARIOS; do
    if grep -q "^$s " "$T/$how.out"; then ok "$label: the summary table has a row for $s"
    else bad "$label: the summary table has a row for $s" "a line starting '$s '" "$(head -c 1500 "$T/$how.out")"; fi
  done
  check_contains "$label: the fit table is printed" "$T/$how.out" "2001-2005"
  # (the scratch folder's name is taken out first: it holds this test's name)
  sed "s|$T|SCRATCH|g" "$T/$how.err" >"$T/$how.err.plain"
  n=$(grep -ci gnuplot "$T/$how.err.plain")
  if [ "$n" = 1 ]; then ok "$label: exactly one line on stderr mentions gnuplot"
  else bad "$label: exactly one line on stderr mentions gnuplot" "1 line" "$n lines: $(grep -i gnuplot "$T/$how.err.plain" | head -n 3)"; fi
  check_eq "$label: ... and it is a warning" "warning:" "$(grep -i gnuplot "$T/$how.err.plain" | head -n 1 | cut -c1-8)"
  check_eq "$label: no PNG written" "" "$(find "$OUT" -name '*.png' | head -n 3)"
done
finish
