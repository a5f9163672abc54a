# same_folder.sh — two scenarios whose names map to the same output folder
# ("Đào tạo" and "Dao tao" -> Dao_tao; "training 50%" and "training 50pct"
# -> training_50pct) are refused with exit 3 before anything is written.
. "$(dirname "$0")/lib.sh"

run two run tests/data/name_vi.lua tests/data/name_ascii.lua --out "$T/o1"
check_rc "'Đào tạo' and 'Dao tao' in two files: exit 3" 3 two
check_contains "the message names the first" "$T/two.err" "Đào tạo"
check_contains "the message names the second" "$T/two.err" "Dao tao"
check_contains "the message names the folder" "$T/two.err" "Dao_tao"
check_eq "nothing written" "" "$(find "$T/o1" -type f 2>/dev/null | head -n 3)"
run list run tests/data/same_folder_list.lua --out "$T/o2"
check_rc "'training 50%' and 'training 50pct' in one file: exit 3" 3 list
check_contains "the message names the folder" "$T/list.err" "training_50pct"
run check check tests/data/name_vi.lua tests/data/name_ascii.lua
check_rc "indsim check refuses them too: exit 3" 3 check
finish
