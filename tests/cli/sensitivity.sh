# sensitivity.sh — `indsim sensitivity`: on tests/data/sens_tfp.lua, where
# production value has a closed form (only TFP moves, g ~ uniform(0.01,
# 0.05)) and the second uncertain number (mcpf) cannot move it:
#   one at a time: the centre is PV(g = 0.03) (uniform's median), the swing of
#   g its 5 % and 95 % quantiles 0.012 and 0.048, mcpf's swing exactly 0;
#   Sobol: g's S1 and ST intervals hold 1 (all the variance is g's), mcpf's
#   indices exactly 0.
# PV(g, y) = 1000·(e^{g(y+1−2000)} − e^{g(y−2000)})/g (worked out below in awk).
# Then the Hanoi default (package against baseline, NPV): every row of
# sensitivity.csv has swing = |at_high − at_low| (to the 10 digits written),
# the rows sorted by swing;
# the tornado chart. Bad --method / --output: exit 2, nothing written.
. "$(dirname "$0")/lib.sh"

F=tests/data/sens_tfp.lua
run oat sensitivity "$F" --output production_value:2010 --no-plots --out "$T/oat"
check_rc "sensitivity $F --output production_value:2010: exit 0" 0 oat
CSV=$T/oat/sensitivity.csv
check_eq "sensitivity.csv header (one at a time)" "output,number,center,at_low,at_high,swing" "$(head -n 1 "$CSV" 2>/dev/null)"
problems=$(awk -F, '
  function abs(x) { return x < 0 ? -x : x }
  function pv(g, y) { return 1000 * (exp(g * (y + 1 - 2000)) - exp(g * (y - 2000))) / g }
  function near(what, got, want) { if (abs(got - want) > 1e-6 * abs(want)) print what ": " got ", expected " want }
  NR == 1 { next }
  $2 == "g" { seen++; near("centre", $3, pv(0.03, 2010)); near("g at low", $4, pv(0.012, 2010)); near("g at high", $5, pv(0.048, 2010))
              near("g swing", $6, pv(0.048, 2010) - pv(0.012, 2010)) }
  $2 == "economics.mcpf" { seen++; if ($6 != 0 || $4 != $3 || $5 != $3) print "mcpf moves production value: " $0 }
  END { if (seen != 2) print seen + 0 " rows for g and economics.mcpf, expected 2" }' "$CSV" 2>/dev/null)
check_eq "one at a time: centre, g at its 5 %/95 % quantiles against the closed form (1e-6), mcpf's swing 0" "" "$problems"
check_contains "stdout names the output and the scenario" "$T/oat.out" "production_value total 2010 of 'sens_tfp'"

run sobol sensitivity "$F" --method sobol -n 256 --output production_value:2010 --no-plots --out "$T/sobol"
check_rc "sensitivity --method sobol -n 256: exit 0" 0 sobol
CSV=$T/sobol/sensitivity.csv
check_eq "sensitivity.csv header (Sobol)" "output,number,s1,s1_lo,s1_hi,st,st_lo,st_hi,n" "$(head -n 1 "$CSV" 2>/dev/null)"
problems=$(awk -F, 'NR == 1 { next }
  $2 == "g" { seen++; if (!($4 <= 1 && 1 <= $5)) print "S1 interval of g [" $4 ", " $5 "] misses 1"
              if (!($7 <= 1 && 1 <= $8)) print "ST interval of g [" $7 ", " $8 "] misses 1"; if ($9 != 256) print "n " $9 }
  $2 == "economics.mcpf" { seen++; for (i = 3; i <= 8; i++) if ($i != 0) print "mcpf column " i ": " $i ", expected exactly 0" }
  END { if (seen != 2) print seen + 0 " rows, expected 2" }' "$CSV" 2>/dev/null)
check_eq "Sobol: g's S1 and ST intervals hold 1, mcpf's indices exactly 0" "" "$problems"

run hanoi sensitivity --out "$T/hanoi"
check_rc "sensitivity (the Hanoi package, NPV, one at a time): exit 0" 0 hanoi
check_contains "stdout: the NPV of 'package'" "$T/hanoi.out" "npv of 'package'"
problems=$(awk -F, 'function abs(x) { return x < 0 ? -x : x }
  NR == 1 { next }
  { rows++; if ($4 != "" && $5 != "" && abs($6 - abs($5 - $4)) > 1e-9 * (abs($4) + abs($5))) print "row " NR ": swing " $6 " is not |" $5 " - " $4 "|"
    if (NR > 2 && $6 > prev + 1e-9) print "row " NR ": swing " $6 " above the row before (" prev ")"; prev = $6 }
  END { if (rows < 10) print rows + 0 " rows: the Hanoi scenarios have dozens of uncertain numbers" }' "$T/hanoi/sensitivity.csv" 2>/dev/null)
check_eq "Hanoi sensitivity.csv: swing = |at_high - at_low|, sorted by swing, dozens of rows" "" "$problems"
if command -v gnuplot >/dev/null 2>&1; then
  check_png "the tornado chart tornado_1.png" "$T/hanoi/tornado_1.png"
  run sobolplot sensitivity "$F" --method sobol -n 64 --output production_value:2010 --out "$T/sobolplot"
  check_png "the Sobol chart sobol_1.png" "$T/sobolplot/sobol_1.png"
fi

run badm sensitivity "$F" --method morris --out "$T/badm"
check_rc "--method morris: exit 2" 2 badm
check_contains "... the message names the methods" "$T/badm.err" "oat or sobol"
run bado sensitivity "$F" --output "production value" --out "$T/bado"
check_rc "--output 'production value': exit 2" 2 bado
check_contains "... the message names the bad output" "$T/bado.err" "'production value'"
check_eq "nothing written for the bad calls" "" "$(find "$T/badm" "$T/bado" -name 'sensitivity.csv' 2>/dev/null)"
finish
