-- Fixture (tests/cli/same_folder.sh): one file returning two scenarios whose
-- names map to the same output folder ('%' becomes "pct": training_50pct).
local base = scenario { name = "base", period = { 2000, 2010 }, sectors = { "a" } }
return {
  base:with { name = "training 50%", policies = { policy.training { from = 2005, budget = 50 } } },
  base:with { name = "training 50pct", policies = { policy.training { from = 2005, budget = 60 } } },
}
