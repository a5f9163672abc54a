# lib.sh — sourced by the benchmark scripts: median_ms N COMMAND... prints the
# median wall time in ms of N runs of COMMAND (its output discarded).
median_ms() {
  local n=$1 times=()
  shift
  for _ in $(seq "$n"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
