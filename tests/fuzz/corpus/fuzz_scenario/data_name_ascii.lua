-- Fixture (tests/cli/same_folder.sh): named "Dao tao", which maps to the
-- output folder Dao_tao, like "Đào tạo" in name_vi.lua.
return scenario { name = "Dao tao", period = { 2000, 2005 }, sectors = { "a" } }
