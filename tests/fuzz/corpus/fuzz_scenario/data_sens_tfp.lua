-- Fixture (tests/cli/sensitivity.sh): one sector where only TFP moves, at a
-- rate g ~ uniform(0.01, 0.05), and one more uncertain number that cannot
-- move production value (the marginal cost of public funds, which only
-- weights policy costs). With X0 = 1000 the production value of year y is
-- X0·(e^{g(y+1−2000)} − e^{g(y−2000)})/g, so the one-at-a-time values and the
-- Sobol indices (1 for g, exactly 0 for mcpf) have closed forms.
return scenario {
  name = "sens_tfp",
  period = { 2000, 2010 },
  sectors = { "a" },
  params = { g = uniform(0.01, 0.05), s = 0, f0 = 0, delta = 0, n = 0, r = 0, rho = 0, p = 0, q = 0, omega = 0, dv = 0 },
  economics = { mcpf = uniform(1.1, 1.4) },
  solver = { method = "rkf45", rtol = 1e-10 },
}
