# utf8_title.sh — Vietnamese text survives: titles with diacritics appear
# byte for byte (UTF-8) in the gnuplot script, which stays valid UTF-8 and
# still renders; with --bom every CSV file starts with the UTF-8 byte-order
# mark EF BB BF (for spreadsheets) and is otherwise the same bytes; with
# --lang vi the tables' headings and notes are Vietnamese.
. "$(dirname "$0")/lib.sh"

OUT=$T/out
run vi run tests/data/vi_title.lua --out "$OUT"
check_rc "indsim run tests/data/vi_title.lua exits 0" 0 vi
GP=$OUT/vi_title/projection.gp
check_file "vi_title/projection.gp written" "$GP"
check_contains "the scenario title is intact in projection.gp" "$GP" \
  "Đào tạo nghề cho doanh nghiệp nhỏ — Hà Nội, ưu tiên khu vực ngoài nhà nước"
check_contains "a sector title is intact in projection.gp" "$GP" "Ngoài nhà nước (tư nhân, hộ cá thể)"
check_contains "a bilingual sector title is intact in projection.gp" "$GP" "Có vốn đầu tư nước ngoài"
# no report.basis in vi_title.lua: the axis says constant prices (the Hanoi files say 1994 prices)
check_contains "the money axis names the price basis" "$GP" "label_pv = 'tỷ đồng, giá cố định' . \"\\n\" . 'bn VND, constant prices'"
if iconv -f UTF-8 -t UTF-8 "$GP" >/dev/null 2>&1; then ok "projection.gp is valid UTF-8"
else bad "projection.gp is valid UTF-8" "iconv -f UTF-8 accepts it" "$(iconv -f UTF-8 -t UTF-8 "$GP" 2>&1 >/dev/null)"; fi
check_contains "the title is intact in the summary on stdout" "$T/vi.out" "Đào tạo nghề"
if command -v gnuplot >/dev/null 2>&1; then
  check_png "vi_title/projection.png rendered" "$OUT/vi_title/projection.png"
else
  echo "note  no gnuplot: the PNG is not checked"
fi
run bom run tests/data/vi_title.lua --bom --no-plots --out "$T/bom"
run nobom run tests/data/vi_title.lua --no-plots --out "$T/nobom"
for f in annual.csv fit.csv; do
  a=$T/bom/vi_title/$f b=$T/nobom/vi_title/$f
  [ -f "$b" ] || continue
  check_eq "--bom: $f starts with EF BB BF" "efbbbf" "$(head -c 3 "$a" | od -An -tx1 | tr -d ' \n')"
  if cmp -s <(tail -c +4 "$a") "$b"; then ok "--bom: $f is otherwise the same bytes"
  else bad "--bom: $f is otherwise the same bytes" "identical after the mark" "$(cmp <(tail -c +4 "$a") "$b" 2>&1)"; fi
done
check_eq "without --bom: no mark" "" "$(head -c 3 "$T/nobom/vi_title/annual.csv" | od -An -tx1 | tr -d ' \n' | grep efbbbf)"
run vi_tables compare scenarios/hanoi/baseline.lua scenarios/hanoi/training.lua --lang vi -n 0 --no-plots --out "$T/vi_tables"
check_rc "compare --lang vi: exit 0" 0 vi_tables
check_contains "--lang vi: the summary's headings" "$T/vi_tables.out" "GTSX 2010"
check_contains "--lang vi: the summary's notes" "$T/vi_tables.out" "GTSX: giá trị sản xuất công nghiệp"
check_contains "--lang vi: the cost-benefit heading and basis" "$T/vi_tables.out" "Chi phí - lợi ích so với 'baseline' — tỷ đồng theo giá năm 2007"
check_contains "--lang vi: the fit table" "$T/vi_tables.out" "Mức khớp của 'baseline'"
check_contains "--lang vi: an observation's label" "$T/vi_tables.out" "tăng trưởng bình quân 2001-2005 (tổng)"
# Columns are padded by code points, not bytes: in the cost-benefit table the
# heading "NPV" and training's NPV figure both end at code point 55 (widths
# 22 + 10 + 10 + 10 and three separating spaces), although "kịch bản" and
# "PV lợi ích" take more bytes than letters.
columns_line_up() {
  local head row
  head=$(sed -n '/^Chi phí/,$p' "$T/vi_tables.out" | grep -m1 '^kịch bản')
  row=$(sed -n '/^Chi phí/,$p' "$T/vi_tables.out" | grep -m1 '^training ')
  LC_ALL=C.UTF-8 bash -c 'h=$1 r=$2; [ "${h:52:3}" = NPV ] && [[ "${r:54:1}" =~ [0-9] ]] && [ "${r:55:1}" = " " ]' _ "$head" "$row"
}
if columns_line_up; then ok "--lang vi: the cost-benefit columns line up by code points"
else bad "--lang vi: the cost-benefit columns line up by code points" "NPV at code points 53-55" "$(sed -n '/^Chi phí/,$p' "$T/vi_tables.out" | head -5)"; fi
run vi_mc mc scenarios/hanoi/baseline.lua scenarios/hanoi/training.lua --lang vi -n 40 --no-plots --out "$T/vi_mc"
check_rc "mc --lang vi: exit 0" 0 vi_mc
check_contains "--lang vi: the Monte Carlo table" "$T/vi_mc.out" "Mô phỏng Monte Carlo: 40 lượt mỗi kịch bản"
check_contains "--lang vi: a plan target" "$T/vi_mc.out" "chỉ tiêu tăng trưởng bình quân 2006-2010 (tổng) >= 0.15: P(đạt) ="
run vi_sens sensitivity scenarios/hanoi/package.lua --lang vi --out "$T/vi_sens"
check_rc "sensitivity --lang vi: exit 0" 0 vi_sens
check_contains "--lang vi: the one-at-a-time table" "$T/vi_sens.out" "Từng số một: production_value total 2010 của 'package'"
check_contains "--lang vi: the tornado chart's title" "$T/vi_sens/tornado_1.gp" "Độ nhạy của production_value total 2010"
check_eq "--lang vi: no English title in the tornado chart" "" "$(grep -c 'Sensitivity of' "$T/vi_sens/tornado_1.gp" | grep -v '^0$')"
# --lang both (the default): a what-if chart's title in two lines, Vietnamese then English,
# the line break written by indsim ('vi' . "\n" . 'en'), never taken from the text
run both_econ compare scenarios/hanoi/baseline.lua scenarios/hanoi/training.lua -n 0 --out "$T/both_econ"
check_rc "compare (both languages): exit 0" 0 both_econ
check_contains "--lang both: the NPV chart's title on two lines" "$T/both_econ/economics.gp" \
  "title_main = 'Giá trị hiện tại ròng so với ' . \"\\047\" . 'baseline' . \"\\047\" . ' (cột: lần chạy trung tâm; thanh sai số: khoảng 90 %)' . \"\\n\" . 'Net present value against '"
check_contains "--lang both: the cumulative NPV chart's axis" "$T/both_econ/economics_cumulative.gp" \
  "label_y = 'tỷ đồng theo giá 2007 / bn VND at 2007 prices'"
run vi_bt backtest scenarios/hanoi/prior.lua --until 2005 -n 40 --lang vi --no-plots --out "$T/vi_bt"
check_rc "backtest --lang vi: exit 0" 0 vi_bt
check_contains "--lang vi: the calibration report" "$T/vi_bt.out" "Hiệu chỉnh 'baseline_prior' theo 2 quan sát đến năm 2005"
check_contains "--lang vi: who set a number" "$T/vi_bt.out" "tiên nghiệm (số liệu không đủ thông tin)"
check_contains "--lang vi: the backtest table" "$T/vi_bt.out" "Kiểm tra lùi"
check_contains "--lang vi: a held-out observation" "$T/vi_bt.out" "6 tháng đầu năm 2007 so cùng kỳ (tổng)"
check_contains "--lang vi: backtest.csv keeps the English label" "$T/vi_bt/baseline_prior/backtest.csv" '"6 months 2007 y/y (total)"'
run vi_cal calibrate scenarios/hanoi/prior.lua --until 2005 --lang vi --no-plots --out "$T/vi_cal"
check_rc "calibrate --lang vi: exit 0" 0 vi_cal
check_contains "--lang vi: files stay English" "$T/vi_cal/baseline_prior/calibration.csv" "prior (data silent)"
finish
