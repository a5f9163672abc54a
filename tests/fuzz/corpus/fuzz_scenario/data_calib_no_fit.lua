-- Fixture (tests/cli/calibrate.sh): a scenario with observations and
-- uncertain numbers but no calibration block; `indsim calibrate` without a
-- fit list must refuse it (exit 3) with a message about fit.
return scenario {
  name = "no_fit",
  period = { 2000, 2010 },
  sectors = { "a", "b" },
  params = { g = { normal(0.015, 0.005), range = { -0.02, 0.05 } } },
  observations = { obs.growth { year = 2005, pct = 8 } },
}
