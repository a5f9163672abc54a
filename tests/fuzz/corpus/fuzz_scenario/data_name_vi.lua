-- Fixture (tests/cli/same_folder.sh): named "Đào tạo", which maps to the
-- output folder Dao_tao, like "Dao tao" in name_ascii.lua.
return scenario { name = "Đào tạo", period = { 2000, 2005 }, sectors = { "a" } }
