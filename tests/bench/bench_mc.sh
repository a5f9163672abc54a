#!/usr/bin/env bash
# bench_mc.sh — a benchmark, not a test: Monte Carlo throughput on the Hanoi
# baseline (2000-2030, default tolerances, statistics included, no plots), for
# 1 and 2 threads (median of R runs each, measured in the same session), the
# right-hand-side calls and microseconds a draw, and peak memory at N = 1 000
# and N = 100 000 draws. The time of a 1-draw run (loading, writing) is
# subtracted before dividing.
#   tests/bench/bench_mc.sh [BUILD_DIR] [N] [R]
set -euo pipefail
build=${1:-build}
n=${2:-20000}
reps=${3:-3}
indsim="$build/indsim"
[ -x "$indsim" ] || { echo "no $indsim: build first" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

stat() { # args -> "wall cpu peak_mib rhs_per_draw"
  "$indsim" mc scenarios/hanoi/baseline.lua --no-plots --quiet --stats --out "$out/o" "$@" 2>&1 |
    awk '/right-hand-side calls a draw/ { gsub(/\[/, ""); for (i = 1; i <= NF; i++) if ($i == "right-hand-side") rhs = $(i - 1) }
         /^stats:/ { wall = $3; cpu = $6; mem = $10 }
         END { print wall, cpu, mem, rhs }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

walls() { # threads draws -> median wall
  for _ in $(seq "$reps"); do stat -n "$2" --threads "$1" | cut -d' ' -f1; done | median
}

echo "Hanoi baseline, $n draws, median of $reps runs each"
base=$(walls 1 1)
for t in 1 2; do
  w=$(walls "$t" "$n")
  eval "w$t=$w"
  awk -v w="$w" -v b="$base" -v n="$n" -v t="$t" 'BEGIN {
    d = w - b; printf "  %d thread(s): %.3f s (%.3f s of it fixed)  %.0f draws/s  %.1f us a draw\n", t, w, b, n / d, 1e6 * d * t / n }'
done
awk -v a="$w1" -v b="$w2" -v z="$base" 'BEGIN { printf "  2-thread speed-up: %.2f\n", (a - z) / (b - z) }'
read -r _ _ _ rhs <<<"$(stat -n 100 --threads 1)"
echo "  right-hand-side calls a draw: $rhs"
read -r _ _ m1 _ <<<"$(stat -n 1000 --threads 2)"
read -r _ _ m2 _ <<<"$(stat -n 100000 --threads 2)"
awk -v a="$m1" -v b="$m2" 'BEGIN { printf "  peak memory: %.1f MiB at N = 1 000, %.1f MiB at N = 100 000 (ratio %.2f)\n", a, b, b / a }'
