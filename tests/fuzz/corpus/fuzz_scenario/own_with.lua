-- a small base and what :with adds; a list of scenarios
local base = scenario {
  name = "base", period = { 2000, 2012 }, sectors = { "state", "non_state" },
  policies = { policy.training { from = 2005, to = 2008, budget = 50 } },
}
local more = base:with {
  name = "more",
  params = { g = { non_state = 0.02 } },
  add_policies = { policy.credit { from = 2008, to = 2010, budget = 100, targets = "non_state" } },
  add_events = { event { name = "shock", from = 2009, effects = { { param = "g", add = -0.01 } } } },
  add_observations = { obs.growth { year = 2006, pct = 8 } },
  add_targets = { target.level { year = 2012, value = 3000 } },
}
local alone = more:with { name = "alone", policies = {} }
return { base, more, alone }
