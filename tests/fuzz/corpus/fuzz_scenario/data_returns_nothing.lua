-- Fixture (tests/cli/errors.sh): an analysis script, not a scenario file:
-- it returns nothing, so `indsim run` must point to `indsim script`.
local sc = scenario { name = "script only", period = { 2000, 2005 }, sectors = { "a" } }
print(run(sc):get("production_value", 2005))
