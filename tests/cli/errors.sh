# errors.sh — exit codes and messages of the documented failures (0 ok,
# 2 usage, 3 bad scenario or script, 4 numerical failure, 5 I/O failure), and
# that a failing run leaves what an earlier run wrote to the same output
# folder intact.
. "$(dirname "$0")/lib.sh"

# A missing file: exit 5, naming the file.
MISSING=$T/nowhere/missing_scenario.lua
run missing run "$MISSING" --out "$T/o-missing"
check_rc "run of a missing file: exit 5" 5 missing
check_contains "run of a missing file: the message names it" "$T/missing.err" "$MISSING"
run missing_check check "$MISSING"
check_rc "check of a missing file: exit 5" 5 missing_check

# An unknown key: exit 3 with file:line and "did you mean".
run typo run tests/data/bad_param_typo.lua --out "$T/o-typo"
check_rc "unknown parameter: exit 3" 3 typo
check_contains "unknown parameter: file:line of the key (return scenario{...})" "$T/typo.err" "tests/data/bad_param_typo.lua:14:"
check_contains "unknown parameter: did you mean" "$T/typo.err" "did you mean 'alpha'?"
run typo2 check tests/data/bad_policy_typo.lua
check_rc "unknown key in a policy: exit 3" 3 typo2
check_contains "unknown key in a policy: file:line (return base:with{...})" "$T/typo2.err" "tests/data/bad_policy_typo.lua:11:"
check_contains "unknown key in a policy: did you mean" "$T/typo2.err" "did you mean 'from'?"

# A syntax error: exit 3 with file:line.
run syntax run tests/data/bad_syntax.lua --out "$T/o-syntax"
check_rc "syntax error: exit 3" 3 syntax
check_contains "syntax error: file:line" "$T/syntax.err" "tests/data/bad_syntax.lua:6:"

# Usage errors: exit 2.
run cmd frobnicate
check_rc "unknown command: exit 2" 2 cmd
check_contains "unknown command: named" "$T/cmd.err" "frobnicate"
run opt run --frobnicate
check_rc "unknown option: exit 2" 2 opt
check_contains "unknown option: named" "$T/opt.err" "--frobnicate"
run opt2 --frobnicate
check_rc "unknown option before the command: exit 2" 2 opt2
run novalue run --out
check_rc "--out without a value: exit 2" 2 novalue
run fmt run --format gif
check_rc "--format gif: exit 2" 2 fmt
run nothing run tests/data/returns_nothing.lua --out "$T/o-nothing"
check_rc "run of a script that returns nothing: exit 2" 2 nothing
check_contains "run of a script that returns nothing: hint to use indsim script" "$T/nothing.err" "indsim script"
run nothing_script script tests/data/returns_nothing.lua --out "$T/o-nothing"
check_rc "... and indsim script runs it: exit 0" 0 nothing_script

# A numerical failure: exit 4.
run numeric run tests/data/keep_fails.lua --out "$T/o-numeric"
check_rc "a scenario whose capital turns negative: exit 4" 4 numeric
check_contains "numerical failure: names the scenario" "$T/numeric.err" "keep"

# An output folder that cannot be made: exit 5.
: >"$T/a-file"
run outfile run tests/data/keep.lua --out "$T/a-file" --no-plots
check_rc "--out naming a file: exit 5" 5 outfile

# Failing runs into a folder written before leave its files intact.
OUT=$T/out
run first run tests/data/keep.lua --out "$OUT"
check_rc "tests/data/keep.lua: exit 0" 0 first
check_file "keep/annual.csv written" "$OUT/keep/annual.csv"
before=$(checksums "$OUT")
for bad_run in "bad_param_typo:3" "bad_syntax:3" "keep_fails:4" "missing:5"; do
  f=${bad_run%%:*} code=${bad_run#*:}
  path=tests/data/$f.lua
  [ "$f" = missing ] && path=$MISSING
  run "again-$f" run "$path" --out "$OUT"
  check_rc "failing run ($f) into the same folder: exit $code" "$code" "again-$f"
  after=$(checksums "$OUT")
  if [ "$before" = "$after" ]; then ok "after the failing run ($f) every file is as before"
  else bad "after the failing run ($f) every file is as before" "$before" "$after"; fi
done
# Help: general and per command (exit 0, on stdout); an unknown command's help: exit 2.
run help --help
check_rc "indsim --help: exit 0" 0 help
check_contains "indsim --help lists the commands" "$T/help.out" "sensitivity [FILE]"
for c in run compare check script mc calibrate backtest sensitivity rerun params; do
  run "help_$c" "$c" --help
  check_contains "indsim $c --help: its own usage" "$T/help_$c.out" "usage: indsim $c"
done
run help_mc2 help mc
check_contains "indsim help mc: the same" "$T/help_mc2.out" "usage: indsim mc"
run typo chek tests/data/name_vi.lua
check_rc "indsim chek: exit 2" 2 typo
check_contains "indsim chek: did you mean 'check'?" "$T/typo.err" "unknown command 'chek' (did you mean 'check'?)"
run help_bad help nope
check_rc "indsim help nope: exit 2" 2 help_bad
finish
