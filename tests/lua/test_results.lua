-- test_results.lua — what run() returns: r:get, r:series, r:observations()
-- and the result's fields, against the closed form of a scenario in which
-- only TFP grows (s = 0, f0 = 0, delta = 0, n = 0, r = rho = 0, p = q =
-- omega = 0, dv = 0): production value X0·(e^{g(y+1−t0)} − e^{g(y−t0)})/g in
-- year y, growth nil in the first year; and compare(): its gains are the
-- differences of r:get.
-- Run: indsim script tests/lua/test_results.lua (from the source folder).
-- Checks: tests/lua/harness.lua (loaded once, one checker per test file).
local FILE = arg[0]
local h = scenario.load("tests/lua/harness.lua").new(FILE)
local eq, raises, here, done = h.eq, h.raises, h.here, h.done

local T0, LAST = 2000, 2030
local X0, G, V0 = 1234.5, 0.03, 0.28
local FLAT = { s = 0, f0 = 0, delta = 0, n = 0, r = 0, rho = 0, p = 0, q = 0, omega = 0, dv = 0 }
local function flat(name, params, sectors, extra)
  local p = {}
  for k, v in pairs(FLAT) do p[k] = v end
  for k, v in pairs(params or {}) do p[k] = v end
  local t = { name = name, period = { T0, LAST }, sectors = sectors or { "a" }, params = p }
  for k, v in pairs(extra or {}) do t[k] = v end
  local sc = scenario(t)
  return sc
end
local function pv(x0, g, y) return x0 * (math.exp(g * (y + 1 - T0)) - math.exp(g * (y - T0))) / g end

-- One sector.
local sc = flat("closed form", { output0 = X0, g = G, va_share0 = V0, kappa = 2, employment0 = 50 })
local r = run(sc)
eq("r.name", r.name, "closed form")
eq("r.first_year", r.first_year, T0)
eq("r.last_year", r.last_year, LAST)
eq("r.sectors", table.concat(r.sectors, ","), "a")
eq("tostring(r)", tostring(r), "indsim result 'closed form' (2000-2030)")
for y = T0, LAST do
  eq(("r:get production value %d = X0(e^{g(y+1-t0)} - e^{g(y-t0)})/g"):format(y), r:get("production_value", y), pv(X0, G, y), 1e-8)
end
eq("r:get total = the only sector", r:get("production_value", 2017), r:get("production_value", 2017, "a"))
eq("r:get with sector 'total'", r:get("production_value", 2017, "total"), r:get("production_value", 2017))
eq("growth of the first year is nil", r:get("growth", T0), nil)
for _, y in ipairs { 2001, 2015, LAST } do
  eq(("growth %d = e^g - 1"):format(y), r:get("growth", y), math.exp(G) - 1, 1e-7)
  eq(("value added %d = va_share0 · production value"):format(y), r:get("value_added", y), V0 * pv(X0, G, y), 1e-8)
  eq(("capital %d = kappa·X0·va_share0 (no investment, no depreciation)"):format(y), r:get("capital", y), 2 * X0 * V0, 1e-9)
  eq(("employment %d constant"):format(y), r:get("employment", y), 50, 1e-9)
  eq(("tfp_index %d = e^{g(y+1-t0)}"):format(y), r:get("tfp_index", y), math.exp(G * (y + 1 - T0)), 1e-8)
  eq(("va_share %d"):format(y), r:get("va_share", y), V0, 1e-9)
  eq(("policy cost %d without policies"):format(y), r:get("policy_cost", y), 0)
end
eq("r:get before the period is nil", r:get("production_value", T0 - 1), nil)
eq("r:get after the period is nil", r:get("production_value", LAST + 1), nil)
local years, values = r:series("production_value")
eq("r:series: one year per row", #years, LAST - T0 + 1)
eq("r:series: first year", years[1], T0)
eq("r:series: last year", years[#years], LAST)
local worst = 0
for k, y in ipairs(years) do worst = math.max(worst, math.abs(values[k] / pv(X0, G, y) - 1)) end
eq("r:series production value: largest relative error over all years below 1e-8", worst < 1e-8, true)
local gy, gv = r:series("growth", "a")
eq("r:series growth: nil in the first year", gv[1], nil)
eq("r:series growth: second year", gv[2], math.exp(G) - 1, 1e-7)
eq("r:series growth: as many years", #gy, LAST - T0 + 1)
raises("r:get of an unknown sector: error at file:line", function() r:get("production_value", 2005, "nope") end,
       "scenario", ("%s:%d: "):format(FILE, here() - 1), "no sector 'nope'")
raises("r:get of an unknown variable: error at file:line", function() r:get("output", 2005) end,
       "scenario", ("%s:%d: "):format(FILE, here() - 1), "unknown output variable 'output'")

-- Observations, two sectors: a (X0 1000, g 0.02, v 0.25), b (X0 500, g 0.06, v 0.4).
-- C(u0, u1) = ∫ production value, D = ∫ value added, over [u0, u1).
local SECT = { a = { 1000, 0.02, 0.25 }, b = { 500, 0.06, 0.4 } }
local function C(u0, u1, which, va)
  local total = 0
  for name, s in pairs(SECT) do
    if which == nil or which == name then
      local x0, g, v = s[1], s[2], va and s[3] or 1
      total = total + v * x0 * (math.exp(g * (u1 - T0)) - math.exp(g * (u0 - T0))) / g
    end
  end
  return total
end
local two = flat("two", { output0 = { a = 1000, b = 500 }, g = { a = 0.02, b = 0.06 }, va_share0 = { a = 0.25, b = 0.4 } },
                 { "a", "b" }, { observations = {
  obs.level { year = 2003, value = 2000 },
  obs.level { year = 2004, value = 700, sector = "b", source = "test" },
  obs.growth { year = 2006, pct = 4 },
  obs.avg_growth { years = { 2001, 2005 }, pct = 3.5 },
  obs.period_growth { year = 2007, months = 6, pct = 4.2 },
  obs.period_growth { year = 2008, months = { 3, 8 }, value = 0.021, sector = "a" },
  obs.growth { year = 2009, pct = 3, var = "value_added" },
} })
local o = run(two):observations()
local want = {
  { "level", "total", 2000, C(2003, 2004), 100 },
  { "level", "b", 700, C(2004, 2005, "b"), 35 },
  { "growth", "total", 0.04, C(2006, 2007) / C(2005, 2006) - 1, 0.01 },
  { "avg_growth", "total", 0.035, (C(2005, 2006) / C(2000, 2001)) ^ (1 / 5) - 1, 0.01 },
  { "period_growth", "total", 0.042, C(2007, 2007.5) / C(2006, 2006.5) - 1, 0.01 * math.sqrt(2) },
  { "period_growth", "a", 0.021, C(2008 + 2 / 12, 2008 + 8 / 12, "a") / C(2007 + 2 / 12, 2007 + 8 / 12, "a") - 1, 0.01 * math.sqrt(2) },
  { "growth", "total", 0.03, C(2009, 2010, nil, true) / C(2008, 2009, nil, true) - 1, 0.01 },
}
eq("r:observations(): one entry per observation", #o, #want)
for i, w in ipairs(want) do
  local got = o[i] or {}
  local label = ("observation %d (%s, %s)"):format(i, w[1], w[2])
  eq(label .. ": kind", got.kind, w[1])
  eq(label .. ": sector", got.sector, w[2])
  eq(label .. ": observed", got.observed, w[3], 1e-12)
  eq(label .. ": model value from the closed form", got.model, w[4], 1e-7)
  eq(label .. ": default standard error", got.se, w[5], 1e-12)
  eq(label .. ": has a label", type(got.label) == "string" and #got.label > 0, true)
end
eq("observation 2: source", o[2] and o[2].source, "test")

-- run{...} runs a list; compare's gains are differences of r:get.
local s1 = flat("s1", { output0 = X0, g = 0.02 })
local s2 = flat("s2", { output0 = X0, g = 0.03 })
local s3 = flat("s3", { output0 = X0, g = 0.025 })
local list = run { s1, s2 }
eq("run{s1, s2}: two results", #list, 2)
eq("run{s1, s2}: in order", list[1].name .. "," .. list[2].name, "s1,s2")
local results, gains = compare({ s1, s2, s3 }, { years = { 2005, 2010, 2030 }, print = false })
eq("compare: results in order", results[3].name, "s3")
local r1, r2, r3 = run(s1), run(s2), run(s3)
for _, y in ipairs { 2005, 2010, 2030 } do
  eq(("compare: gain of s2 over s1 in %d = r2:get - r1:get"):format(y), gains.s2[y].abs,
     r2:get("production_value", y) - r1:get("production_value", y), 1e-9)
  eq(("compare: gain of s2 over s1 in %d, closed form"):format(y), gains.s2[y].abs, pv(X0, 0.03, y) - pv(X0, 0.02, y), 1e-7)
  eq(("compare: gain of s3 in %d in %%"):format(y), gains.s3[y].pct,
     100 * (r3:get("production_value", y) / r1:get("production_value", y) - 1), 1e-9)
  eq(("compare: gain of the baseline itself in %d"):format(y), gains.s1[y].abs, 0)
end
local _, g3 = compare({ r1, r2, r3 }, { baseline = "s3", years = { 2010 }, print = false })
eq("compare of results with baseline = 's3': gain of s2", g3.s2[2010].abs, r2:get("production_value", 2010) - r3:get("production_value", 2010), 1e-9)
eq("compare with baseline = 's3': gain of s1 is negative", g3.s1[2010].abs < 0, true)

done()
