-- the analyses, on a small scenario (the fuzz target keeps their sizes small)
local base = scenario {
  name = "base", period = { 2000, 2012 }, sectors = { "a", "b" },
  params = { g = normal(0.015, 0.004) },
  observations = { obs.growth { year = 2005, pct = 9 }, obs.level { year = 2003, value = 1500 } },
  targets = { target.avg_growth { years = { 2008, 2012 }, pct = 10 } },
}
local pkg = base:with {
  name = "pkg",
  policies = { policy.training { from = 2005, to = 2010, budget = 100 },
               policy.credit { from = 2006, to = 2010, budget = 200 } },
}
local e = ensemble(pkg, { n = 8, baseline = base, seed = 3 })
local s = e:stats("production_value", 2010, "total", "gain")
local q = e:quantile("production_value", 2012, nil, 0.5)
write_fan(e)
local econ = economics(pkg, { baseline = base })
local a = attribution(pkg, { baseline = base, output = "value_added", year = 2010 })
local sens = sensitivity(pkg, { baseline = base, outputs = { "npv", { var = "production_value", year = 2010 } } })
local cal, report = calibrate(base, { fit = { "g.a" }, max_iter = 3, name = "calibrated" })
write_table("t.csv", { "k", "v" }, { { "npv", econ.npv }, { "q", q or false } })
write_text("r.md", ("%s %s %s"):format(s.q50, #a.shares, report.ndata))
print(sens, e:targets()[1].p_met)
return { base, pkg, cal }
