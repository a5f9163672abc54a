-- Fixture (tests/cli/errors.sh): a small scenario whose outputs a later,
-- failing run into the same folder must leave intact.
return scenario {
  name = "keep",
  title = "Giữ nguyên / Kept",
  period = { 2000, 2010 },
  sectors = { "a", "b" },
  policies = { policy.training { from = 2005, to = 2008, budget = 50 } },
  observations = { obs.growth { year = 2005, pct = 8 } },
}
