#!/usr/bin/env bash
# bench_run.sh — a benchmark, not a test: how long `indsim run` of the Hanoi
# default takes with and without plotting, and without the cost-benefit's
# ensembles (median of N runs each, measured in the same session so the
# ratios are meaningful), and the accuracy of the
# default tolerances against a 1e-10 reference.
#   tests/bench/bench_run.sh [BUILD_DIR] [N]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
n=${2:-7}
indsim="$build/indsim"
[ -x "$indsim" ] || { echo "no $indsim: build first" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

. "$(dirname "$0")/lib.sh"

echo "indsim run (Hanoi default: 8 scenarios), median of $n runs:"
with=$(median_ms "$n" "$indsim" run --out "$out/plots")
without=$(median_ms "$n" "$indsim" run --no-plots --out "$out/noplots")
nobands=$(median_ms "$n" "$indsim" run --no-plots -n 0 --out "$out/nobands")
echo "  with plots:    ${with} ms"
echo "  without plots: ${without} ms"
echo "  without plots and without the cost-benefit bands (-n 0): ${nobands} ms"
echo "  (the bands: 7 ensembles of 1000 draws, each draw running scenario and baseline)"
awk -v a="$with" -v b="$without" 'BEGIN { if (b > 0) printf "  ratio: %.1f (plotting is gnuplot runs: one per scenario plus the comparison)\n", a / b }'
echo
"$indsim" script "$here/tolerance.lua"
