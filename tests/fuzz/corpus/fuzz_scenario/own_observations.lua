-- the four kinds of observation, plan targets and a calibration plan
return scenario {
  name = "observed",
  period = { 2000, 2010 },
  sectors = { "state", "private" },
  params = { output0 = { state = 600, private = 400 }, g = { normal(0.015, 0.005), source = "prior" } },
  observations = {
    obs.level { year = 2000, value = 1050 },
    obs.growth { year = 2005, pct = 9.5, sector = "private" },
    obs.avg_growth { years = { 2001, 2005 }, value = 0.09, var = "value_added" },
    obs.period_growth { year = 2007, months = 6, pct = 10 },
    obs.period_growth { year = 2007, months = { 3, 8 }, pct = 10, se = 2, source = "statistics office" },
  },
  targets = {
    target.avg_growth { years = { 2006, 2010 }, pct = 15, source = "plan" },
    target.growth { year = 2009, value = 0.1, sector = "state" },
    target.level { year = 2010, value = 2000, sector = "total" },
  },
  calibration = { fit = { "g.state", "g.private" }, ["until"] = 2007, source = "example" },
}
