#!/usr/bin/env bash
# bench_sens.sh — a benchmark, not a test: the cost of `indsim sensitivity` on
# the Hanoi package (64 uncertain numbers, NPV against the baseline): one at a
# time (2·64 + 1 runs of package and baseline) and Sobol indices at N base
# samples (N·(64 + 2) runs of each), median wall time of R runs each, and the
# runs per second, which should not depend on N (the scheme's own cost is
# small: tests/test_sens.c prints it).
#   tests/bench/bench_sens.sh [BUILD_DIR] [R]
set -euo pipefail
build=${1:-build}
r=${2:-3}
indsim="$build/indsim"
[ -x "$indsim" ] || { echo "no $indsim: build first" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

. "$(dirname "$0")/lib.sh"

d=64
echo "indsim sensitivity (Hanoi package vs baseline, NPV, $d numbers), median of $r runs, no plots:"
base=$(median_ms "$r" "$indsim" run --no-plots -n 0 --out "$out/run")
oat=$(median_ms "$r" "$indsim" sensitivity --no-plots --out "$out/oat")
echo "  indsim run -n 0 (start-up, calibration at load, 8 runs): ${base} ms"
awk -v t="$oat" -v b="$base" -v d=$d 'BEGIN { printf "  one at a time: %d ms (%d runs of package and baseline)\n", t, 2 * d + 1 }'
for n in 64 128 256; do
  t=$(median_ms "$r" "$indsim" sensitivity --method sobol -n $n --no-plots --out "$out/sobol$n")
  awk -v t="$t" -v b="$base" -v n=$n -v d=$d 'BEGIN { runs = n * (d + 2)
    printf "  Sobol N = %4d: %6d ms (%6d runs of each; %.0f runs/s beyond start-up)\n", n, t, runs, runs / ((t - b) / 1000) }'
done
