-- every distribution, a joint normal, uncertain effects and economics
return scenario {
  name = "uncertain",
  period = { 2000, 2015 },
  sectors = { "a", "b" },
  params = {
    g = normal(0.015, 0.005),
    s = { uniform(0.2, 0.3), range = { 0.1, 0.4 }, source = "assumption" },
    alpha = triangular(0.3, 0.4, 0.6),
    delta = beta(2, 5, 0.03, 0.08),
    output0 = { a = lognormal(1000, 0.2), b = choice({ 500, 700, 900 }, { 0.25, 0.5, 0.25 }) },
  },
  joints = {
    mvnormal { name = "tfp", params = { "g.a", "g.b" }, mean = { 0.015, 0.02 },
               cov = { { 1e-5, 5e-6 }, { 5e-6, 1e-5 } }, source = "assumption" },
    mvnormal { params = { "s.a" }, mean = { 0 }, cov = { { 0.1 } }, logit = { "s.a" }, bounds = { ["s.a"] = { 0.1, 0.4 } } },
  },
  policies = { policy.training { from = 2005, to = 2010, budget = 100 } },
  economics = { discount_rate = 0.1, mcpf = uniform(1.1, 1.4), profit_outflow = 0.3 },
}
