# economics.sh — the cost-benefit of `indsim run` (the Hanoi default: the
# package and each single policy against the baseline) and `compare`:
#   stdout: the table, its basis named (2007 prices, discounted to 2008), the
#     number of draws of the bands;
#   economics.csv (one row per scenario): npv = pv_benefit − pv_cost,
#     bcr = pv_benefit / pv_cost, bands in order, draws = N, P(NPV > 0) a
#     share of the draws that agrees with the band (≥ 0.95 when its 5 %
#     quantile is above 0, ≤ 0.05 when its 95 % one is below);
#   <scenario>/economics.csv (per year) against values worked out from the
#     Hanoi prior's medians (the central run uses every number's median):
#     discount rate 0.10 → discount(y) = 1.1^−(y − 2008); mcpf uniform(1.1,
#     1.4) → 1.25; inflation after 2007 normal(0.05, 0.015) → 5 %/yr, so a cost
#     of current prices C in year y > 2007 is C · 1.25 / 1.05^(y − 2007) at 2007
#     prices; Σ discount·benefit = pv_benefit, Σ discount·cost = pv_cost, the
#     last year's npv_cumulative = npv, payback = the first year from which
#     npv_cumulative stays >= 0;
#   the charts; -n 0 (no bands); bad -n refused.
. "$(dirname "$0")/lib.sh"

N=200
run def run -n $N --out "$T/def"
check_rc "run (Hanoi default) -n $N: exit 0" 0 def
check_contains "stdout: the table's heading names the basis" "$T/def.out" \
  "Cost-benefit against 'baseline' — bn VND at 2007 prices, discounted to 2008 at 10.0 %/yr"
check_contains "stdout: the bands' draws" "$T/def.out" "90 % band over $N draws, common random numbers"
S=$T/def/economics.csv
check_eq "economics.csv: the header" \
  "scenario,baseline,pv_benefit,pv_cost,npv,bcr,payback_year,npv_q05,npv_q50,npv_q95,bcr_q05,bcr_q50,bcr_q95,pv_benefit_q05,pv_benefit_q50,pv_benefit_q95,pv_cost_q05,pv_cost_q50,pv_cost_q95,payback_year_q05,payback_year_q50,payback_year_q95,npv_p_positive,draws,basis" \
  "$(head -n 1 "$S" 2>/dev/null)"
check_eq "economics.csv: the package and the six single policies" \
  "business_env credit industrial_zones package tech_renewal trade_promotion training" \
  "$(awk -F, 'NR > 1 { print $1 }' "$S" 2>/dev/null | sort | tr '\n' ' ' | sed 's/ $//')"
problems=$(awk -F, -v N=$N 'function abs(x) { return x < 0 ? -x : x }
  function near(what, got, want, tol) { if (abs(got - want) > tol * (abs(want) + 1e-9)) print $1 ": " what " " got ", expected " want }
  NR == 1 { next }
  { near("npv", $5, $3 - $4, 1e-8); near("bcr", $6, $3 / $4, 1e-8)
    if (!($8 <= $9 && $9 <= $10)) print $1 ": npv bands out of order"
    if (!($11 <= $12 && $12 <= $13)) print $1 ": bcr bands out of order"
    if ($24 != N) print $1 ": draws " $24
    if (!($23 >= 0 && $23 <= 1) || abs($23 * N - int($23 * N + 0.5)) > 1e-6) print $1 ": P(NPV > 0) " $23 " not a share of " N
    if ($8 > 0 && $23 < 0.95) print $1 ": npv_q05 > 0 but P(NPV > 0) = " $23
    if ($10 < 0 && $23 > 0.05) print $1 ": npv_q95 < 0 but P(NPV > 0) = " $23 }' "$S" 2>/dev/null)
check_eq "economics.csv: npv = pv_benefit - pv_cost, bcr = pv_benefit / pv_cost, bands in order, draws, P(NPV > 0)" "" "$problems"

# year_problems FILE NPV PVB PVC PAYBACK Q05 Q95: the per-year file against the summary and the
# prior's medians; the cumulative NPV's band in order each year and, in the last, the NPV's band.
year_problems() {
  awk -F, -v npv="$2" -v pvb="$3" -v pvc="$4" -v payback="$5" -v q05="$6" -v q95="$7" '
    function abs(x) { return x < 0 ? -x : x }
    function near(what, got, want, tol) { if (abs(got - want) > tol * (abs(want) + 1e-6)) print what " " got ", expected " want }
    NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    { y = $c["year"]; d = $c["discount_factor"]; near(y ": discount", d, 1.1 ^ -(y - 2008), 1e-9)
      if (y > 2007) near(y ": cost", $c["cost"], $c["cost_current_prices"] * 1.25 / 1.05 ^ (y - 2007), 1e-8)
      sb += d * $c["benefit"]; sc += d * $c["cost"]; cum[y] = $c["npv_cumulative"]; last = y; if (!first) first = y
      if ($c["benefit"] != 0 || $c["cost"] != 0) if (!start) start = y
      lo = $c["npv_cumulative_q05"]; mid = $c["npv_cumulative_q50"]; hi = $c["npv_cumulative_q95"]
      if (!(lo <= mid && mid <= hi)) print y ": cumulative NPV band out of order"
      band = lo "," mid "," hi }
    END { near("pv_benefit", sb, pvb, 1e-8); near("pv_cost", sc, pvc, 1e-8); near("last npv_cumulative", cum[last], npv, 1e-8)
          split(band, b, ","); near("band of the last year, q05", b[1], q05, 1e-8); near("band of the last year, q95", b[3], q95, 1e-8)
          p = 0; for (y = last; y >= start && cum[y] >= 0; y--) p = y
          if (p != payback + 0) print "payback " payback ", the cumulative NPV says " p }' "$1"
}
for s in package training credit; do
  IFS=, read -r npv pvb pvc pb q05 q95 <<<"$(awk -F, -v s=$s '$1 == s { print $5 "," $3 "," $4 "," $7 "," $8 "," $10 }' "$S" 2>/dev/null)"
  check_eq "$s/economics.csv: discounting, costs at 2007 prices × MCPF, sums, payback and the last year's band against the summary" "" \
    "$(year_problems "$T/def/$s/economics.csv" "$npv" "$pvb" "$pvc" "$pb" "$q05" "$q95" 2>&1)"
done
npv=$(awk -F, '$1 == "package" { printf "%.0f", $5 }' "$S" 2>/dev/null)
check_eq "stdout: the package's NPV as in economics.csv" "1" \
  "$(awk -v npv="$npv" '$1 == "package" && $4 == npv { n++ } END { print n + 0 }' "$T/def.out")"
if command -v gnuplot >/dev/null 2>&1; then
  check_png "economics.png (NPV with bands)" "$T/def/economics.png"
  check_png "economics_cumulative.png" "$T/def/economics_cumulative.png"
fi

run cmp compare scenarios/hanoi/baseline.lua scenarios/hanoi/training.lua -n 0 --no-plots --out "$T/cmp"
check_rc "compare baseline training -n 0: exit 0" 0 cmp
check_contains "compare -n 0: no ensemble, said so" "$T/cmp.out" "no ensemble (-n 0)"
check_eq "compare -n 0: economics.csv has training, draws 0, no bands, no P(NPV > 0)" "training,0,,," \
  "$(awk -F, 'NR == 2 { print $1 "," $24 "," $8 "," $9 "," $23 }' "$T/cmp/economics.csv" 2>/dev/null)"
# The cumulative NPV chart: 7 scenarios, lines only; one scenario with draws: its 5-95 % band
# shaded, the chart's data being the per-year file's quantiles (lo and hi columns of its data).
check_eq "economics_cumulative.gp, 7 scenarios: no bands in the title" "" \
  "$(grep -c 'shade: 90 % band' "$T/def/economics_cumulative.gp" 2>/dev/null | grep -v '^0$')"
run band compare scenarios/hanoi/baseline.lua scenarios/hanoi/training.lua -n 64 --out "$T/band"
check_rc "compare -n 64: exit 0" 0 band
check_contains "economics_cumulative.gp, one scenario with draws: the band in the title" \
  "$T/band/economics_cumulative.gp" "shade: 90 % band"
check_eq "economics_cumulative.gp: the 2030 band is the per-year file's q05 and q95" \
  "$(awk -F, '$1 == 2030 { print $11 " " $12 " " $14 }' "$T/band/training/economics.csv" 2>/dev/null)" \
  "$(awk '$1 == 2030 && NF == 4 { print $2 " " $3 " " $4 }' "$T/band/economics_cumulative.gp" 2>/dev/null)"
run bad run -n -1 --out "$T/bad"
check_rc "run -n -1: exit 2" 2 bad
finish
