-- a scenario file may run, write and compare before returning
local sc = scenario {
  name = "timing", period = { 2006, 2015 }, sectors = { "industry" },
  params = { tau_E = 0.1 },
  policies = { policy.custom { name = "reform", from = 2008, to = 2011, ramp = 2, decay = 3, cost = 5,
                               effects = { { param = "E_target", add = 10 } } } },
  observations = { obs.growth { year = 2010, pct = 12 } },
}
local r = run(sc)
local years, pv = r:series("production_value")
local x = r:get("policy_cost", 2009) + r:get("business_env", 2010) + #years + pv[1]
for _, o in ipairs(r:observations()) do x = x + o.model end
write(r)
local other = sc:with { name = "none", policies = {} }
local results, gains = compare({ sc, other }, { years = { 2010, 2015 }, print = false })
print(x, #results, gains, output_dir(), sc:assumption("tau_E"), tostring(sc))
return sc
