-- Fixture (tests/lua/test_errors.lua): values out of range inside a
-- multi-line constructor. alpha = 1.5 is on LINE 12: keep it there.
return scenario {
  name = "bad range",
  period = { 2000, 2010 },
  sectors = { "a" },
  params = {
    output0 = 1000,
    s = 0.2,
    delta = 0.05,
    kappa = 2.5,
    alpha = 1.5,
  },
}
