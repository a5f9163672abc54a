# check.sh — `indsim check scenarios/hanoi/baseline.lua` exits 0 and prints the
# assumption register: a row for every parameter and sector (shared
# parameters once, as "(all)") with its unit and a source; and for the
# package, a row for each of the programme's policies with its budget.
. "$(dirname "$0")/lib.sh"

run check check scenarios/hanoi/baseline.lua
check_rc "indsim check scenarios/hanoi/baseline.lua exits 0" 0 check
check_contains "it says the scenario is valid" "$T/check.err" "1 scenario(s) valid"
check_contains "the register's title names the scenario" "$T/check.out" "Assumption register of 'baseline'"

# Every parameter of the model and its unit (docs/model.md §7).
PARAMS="output0=bn VND/yr;va_share0=fraction;alpha=fraction;kappa=years;employment0=thousand workers;\
skilled0=fraction;modern0=fraction;theta=1;mu=1;s=fraction;bs=1/PCI point;ds=fraction;s_max=fraction;\
f0=fraction of Y0;bF=1/PCI point;gF=1/yr;g=1/yr;dv=1/yr;delta=1/yr;n=1/yr;r=1/yr;rho=1/yr;p=1/yr;q=1/yr;\
k=1;omega=1/yr;m_new=fraction;E_target=PCI points;tau_E=years"
SHARED=" E_target tau_E "
# The columns start where their headings do (the header line is ASCII).
rows=$(awk '
  /^kind +key +sector +value +unit +range +source/ && !h { h = 1; u = index($0, "unit"); r = index($0, "range"); s = index($0, "source"); next }
  h && $1 == "param" { unit = substr($0, u, r - u); sub(/ +$/, "", unit); src = substr($0, s)
                       print $2 "|" $3 "|" unit "|" (src ~ /^[^ ]/ ? "sourced" : "NO SOURCE") }' "$T/check.out")
IFS=';' read -r -a pairs <<<"$PARAMS"
for pair in "${pairs[@]}"; do
  name=${pair%%=*}
  unit=${pair#*=}
  if [[ $SHARED == *" $name "* ]]; then sectors="(all)"; else sectors="state non_state fdi"; fi
  for sec in $sectors; do
    got=$(grep -F "$name|$sec|" <<<"$rows" | head -n 1)
    check_eq "register row: $name, $sec, in '$unit', with a source" "$name|$sec|$unit|sourced" "${got:-(no row)}"
  done
done
check_eq "register: 33 per-sector parameters × 3 sectors + 2 shared = 101 parameter rows" 101 "$(grep -c . <<<"$rows")"

run package check scenarios/hanoi/package.lua
check_rc "indsim check scenarios/hanoi/package.lua exits 0" 0 package
# Budgets of scenarios/hanoi/programme.lua, bn VND a year.
for pb in business_env:20 training:100 tech_renewal:150 credit:100 industrial_zones:300 trade_promotion:50; do
  p=${pb%%:*} b=${pb#*:}
  if grep -Eq "^policy +$p .*cost $b bn VND/yr \(budget\)" "$T/package.out"; then ok "package register: policy $p at $b bn VND/yr (budget)"
  else bad "package register: policy $p at $b bn VND/yr (budget)" "a row 'policy $p ... cost $b bn VND/yr (budget)'" "$(grep -E "^policy +$p " "$T/package.out" || echo '(no row)')"; fi
done
finish
