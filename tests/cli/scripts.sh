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
finish
