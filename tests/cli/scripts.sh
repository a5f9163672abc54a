# scripts.sh — every what-if script scripts/*.lua runs with
# `indsim script scripts/X.lua --out DIR`, exits 0 and writes its plot
# (a PNG somewhere under DIR). Runs whatever scripts exist.
. "$(dirname "$0")/lib.sh"
need_gnuplot

shopt -s nullglob
scripts=(scripts/*.lua)
[ ${#scripts[@]} -eq 0 ] && echo "note  no scripts/*.lua yet: nothing to run"
for s in "${scripts[@]}"; do
  name=$(basename "$s" .lua)
  OUT=$T/$name
  run "$name" script "$s" --out "$OUT"
  check_rc "indsim script $s --out DIR: exit 0" 0 "$name"
  png=$(find "$OUT" -name '*.png' 2>/dev/null | head -n 1)
  check_png "$s writes its plot (${png#"$OUT/"})" "${png:-$OUT/(no png)}"
  gp=${png%.png}.gp
  [ -n "$png" ] && check_file "$s: the plot's .gp beside it" "$gp"
done

# What the what-if scripts answer, beyond running: their tables, their files,
# and a clear error (exit 3, the catalogue listed) for a policy that does not exist.
catalogue="business_env, training, tech_renewal, credit, industrial_zones, trade_promotion"
if [ -f scripts/rank_policies.lua ]; then
  out=$T/rank_policies.out
  check_contains "rank_policies names the price basis" "$out" "Money: bn VND at"
  check_eq "rank_policies ranks the six catalogue kinds" 6 "$(grep -cE '^[1-6] +[a-z_]+ ' "$out")"
  check_eq "rank_policies.csv: a header and six rows" 7 "$(wc -l < "$T/rank_policies/rank_policies.csv" 2>/dev/null)"
  run rank_bad script scripts/rank_policies.lua 10 trainng --out "$T/rank_bad"
  check_rc "rank_policies with an unknown policy: exit 3" 3 rank_bad
  check_contains "rank_policies: the unknown policy named, the catalogue listed" "$T/rank_bad.err" "unknown policy 'trainng' (the catalogue: $catalogue)"
fi

if [ -f scripts/budget_split.lua ]; then
  out=$T/budget_split.out
  check_contains "budget_split prints the best split" "$out" "Best split: training "
  if grep -qE "^(Smallest total: |Not reachable within |Reachable without any budget)" "$out"; then ok "budget_split answers the reverse question"
  else bad "budget_split answers the reverse question" "Smallest total / Not reachable / Reachable" "$(tail -n 3 "$out")"; fi
  run split3 script scripts/budget_split.lua 400 training industrial_zones business_env steps=4 max=,,30 target_n=50 --out "$T/split3"
  check_rc "budget_split with three policies and a maximum: exit 0" 0 split3
  check_contains "budget_split, three policies: the optimum" "$T/split3.out" "Best split: training "
  check_png "budget_split, three policies: its plot" "$T/split3/budget_split.png"
  run split_bad script scripts/budget_split.lua 300 training zones --out "$T/split_bad"
  check_rc "budget_split with an unknown policy: exit 3" 3 split_bad
  check_contains "budget_split: the unknown policy named, the catalogue listed" "$T/split_bad.err" "unknown policy 'zones' (the catalogue: $catalogue)"
  run split_opt script scripts/budget_split.lua objective=gdp --out "$T/split_opt"
  check_rc "budget_split with an unknown objective: exit 3" 3 split_opt
  check_contains "budget_split: the objectives listed" "$T/split_opt.err" "objective = 'gdp': va, npv or low"
fi

# report.md: its sections, and every image it links to exists beside it.
if [ -f scripts/report.lua ]; then
  md=$T/report/report.md
  check_file "report.md written" "$md"
  for section in "## Production value" "## Costs and benefits" "## What each policy adds" "## What the net present value depends on most"; do
    check_contains "report: section '$section'" "$md" "$section"
  done
  check_contains "report: the price basis" "$md" "Money: bn VND at"
  links=$(grep -oE '!\[[^]]*\]\([^)]+\)' "$md" | sed -E 's/.*\(([^)]+)\)/\1/')
  check_eq "report embeds six charts" 6 "$(printf '%s\n' "$links" | grep -c .)"
  for f in $links; do check_png "report: linked $f exists" "$T/report/$f"; done
  run report_bad script scripts/report.lua hanoi/packag --out "$T/report_bad"
  check_rc "report with a missing scenario: exit 3" 3 report_bad
  check_contains "report: the missing scenario named" "$T/report_bad.err" "package 'hanoi/packag'"
fi
finish
