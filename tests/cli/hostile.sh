# hostile.sh — scenario files written as attacks (tests/data/hostile/), each
# expecting its refusal, and nothing changed outside the output folder:
#   loop.lua, pcall_loop.lua: a runaway loop, also inside pcall — stopped at
#     --max-seconds 1 with the file named, exit 3, the pcall not going on;
#   memory.lua: stopped at --max-memory 64 MiB;
#   c_stuck.lua: a loop inside a C function (no hook fires) — ended by the
#     watchdog about 2 s after the limit;
#   escape.lua: 15 ways out of the sandbox (io, os.execute, io.popen,
#     require "os", dofile of the canary and of /etc/hostname, load, package.loadlib, debug, string.dump, the string
#     metatable, scenario.load of /etc, write_text and write_table outside the
#     output folder, obs.from_csv of /etc/passwd) all refused, the canary file
#     never made;
#   gnuplot_title.lua: titles made to run commands in gnuplot drawn as text;
#   error_object.lua: a raised table whose __index raises and __tostring never
#     ends: a plain scenario error, no crash, no hang;
#   callback_loop.lua: a metamethod that never returns, called by the engine
#     (limits paused): its own instructions still count;
#   the sandbox lifted only by --unsafe, which says so.
# "Nothing changed": the checksums of the source folder's scenarios/, tests/
# and scripts/ and of a bystander file beside the output folders are the same
# before and after, and no canary file exists.
. "$(dirname "$0")/lib.sh"

H=tests/data/hostile
CANARIES="/tmp/indsim_hostile_canary /tmp/indsim_hostile_gp1 /tmp/indsim_hostile_gp2 /tmp/indsim_hostile_gp3"
rm -f $CANARIES
snapshot() { { (cd "$SRC" && find scenarios tests scripts -type f -print0 | sort -z | xargs -0 sha256sum)
               sha256sum "$T/bystander.txt"; } 2>/dev/null; }
echo "keep me" >"$T/bystander.txt"
before=$(snapshot)

# timed NAME MAX_S ARG...: run, and check it ended within MAX_S seconds
timed() {
  local name=$1 max=$2 t0 t1; shift 2
  t0=$(date +%s%N); run "$name" "$@"; t1=$(date +%s%N)
  local ms=$(( (t1 - t0) / 1000000 ))
  if [ "$ms" -le $((max * 1000)) ]; then ok "$name: ended in ${ms} ms (<= ${max} s)"; else bad "$name: ended within ${max} s" "<= ${max}000 ms" "${ms} ms"; fi
}

timed loop 6 check "$H/loop.lua" --max-seconds 1 --out "$T/o1"
check_rc "loop.lua: exit 3" 3 loop
check_contains "loop.lua: the limit named with the file" "$T/loop.err" "$H/loop.lua: stopped after 1 s of its own work"
timed pcall_loop 6 check "$H/pcall_loop.lua" --max-seconds 1 --out "$T/o2"
check_rc "pcall_loop.lua: exit 3" 3 pcall_loop
check_contains "pcall_loop.lua: the limit named with the file" "$T/pcall_loop.err" "$H/pcall_loop.lua: stopped after 1 s"
check_eq "pcall_loop.lua: its pcall did not catch the limit" "" "$(grep 'went on' "$T/pcall_loop.out")"
timed memory 20 check "$H/memory.lua" --max-memory 64 --out "$T/o3"
check_rc "memory.lua: exit 3" 3 memory
check_contains "memory.lua: the memory limit named" "$T/memory.err" "$H/memory.lua: stopped: its Lua memory would exceed 64 MiB"
timed c_stuck 8 check "$H/c_stuck.lua" --max-seconds 1 --out "$T/o4"
check_rc "c_stuck.lua (a loop in C): exit 3" 3 c_stuck
check_contains "c_stuck.lua: the limit named with the file" "$T/c_stuck.err" "$H/c_stuck.lua: stopped after 1 s"

timed error_object 8 check "$H/error_object.lua" --out "$T/o7"
check_rc "error_object.lua (a raised table with hostile metamethods): exit 3" 3 error_object
check_contains "error_object.lua: a plain message, naming the file" "$T/error_object.err" "error_object.lua"
check_contains "error_object.lua: what was raised" "$T/error_object.err" "error raised with a table value, not a message"
timed callback_loop 20 check "$H/callback_loop.lua" --max-instructions 100000000 --out "$T/o10"
check_rc "callback_loop.lua (a metamethod looping inside an engine call): exit 3" 3 callback_loop
check_contains "callback_loop.lua: stopped by its instructions" "$T/callback_loop.err" \
  "$H/callback_loop.lua: stopped after 100000000 Lua instructions"
run module_sandbox check tests/data/uses_module.lua --out "$T/o8"
check_rc "require of a helper module beside the scenario: exit 0" 0 module_sandbox
run module_unsafe check tests/data/uses_module.lua --unsafe --out "$T/o9"
check_rc "the same with --unsafe (require stays indsim's, without the folder check): exit 0" 0 module_unsafe

run escape check "$H/escape.lua" --out "$T/o5"
check_rc "escape.lua: loads (each attempt refused inside it): exit 0" 0 escape
check_contains "escape.lua: all 15 attempts refused" "$T/escape.out" "refused 15 of 15"
check_eq "escape.lua: nothing escaped" "" "$(grep ESCAPED "$T/escape.out")"
run unsafe check "$H/escape.lua" --unsafe --out "$T/o6"
check_contains "--unsafe says so on stderr" "$T/unsafe.err" "warning: --unsafe"
if grep -q ESCAPED "$T/unsafe.out"; then ok "--unsafe lifts the sandbox (the file reaches io and os)"
else bad "--unsafe lifts the sandbox" "ESCAPED lines" "$(cat "$T/unsafe.out")"; fi
rm -f /tmp/indsim_hostile_canary # --unsafe may make it: that is what --unsafe is for

if command -v gnuplot >/dev/null 2>&1; then
  run gp run "$H/gnuplot_title.lua" --out "$T/o7"
  check_rc "gnuplot_title.lua: exit 0" 0 gp
  check_png "gnuplot_title.lua: the projection drawn" "$T/o7/gp_title/projection.png"
  check_contains "... its script holds the title as a quoted string" "$T/o7/gp_title/projection.gp" "system("
fi

for c in $CANARIES; do check_eq "no canary $c" "" "$(ls "$c" 2>/dev/null)"; done
after=$(snapshot)
if [ "$before" = "$after" ]; then ok "nothing changed in scenarios/, tests/, scripts/ or beside the output folders"
else bad "nothing changed outside the output folders" "the same checksums" "$(diff <(echo "$before") <(echo "$after") | head -n 6)"; fi
finish
