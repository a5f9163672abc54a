-- Fixture (tests/lua/test_errors.lua): an observation outside the period
-- and in an unknown sector. year = 1999 is on LINE 10: keep it there.
local sc = scenario {
  name = "bad observation",
  period = { 2000, 2010 },
  sectors = { "a" },
  observations = {
    obs.growth { year = 2005, pct = 3 },
    obs.growth {
      year = 1999,
      pct = 4,
    },
  },
}
return sc
