-- Fixture (tests/lua/test_sandbox.lua): a script's first line in a scenario
-- file, where `arg` does not exist.
local total = tonumber(arg[1]) or 300
return scenario { name = "reads_arg", period = { 2000, 2001 }, sectors = { "a" }, params = { output0 = total } }
