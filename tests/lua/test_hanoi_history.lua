-- test_hanoi_history.lua — the Hanoi baseline reproduces the published growth
-- of industrial production value (1994 prices): average 2001-2005 18.7 %,
-- 2006 16.5 %, first half of 2007 21.3 %, each within 1 percentage point, and
-- every total or ownership-block figure over 6 months or more within 3
-- points. The published numbers are written below from
-- /work/shared/data/hanoi_sxcn_growth_to_2007h1.csv (Hanoi Statistics Office
-- monthly reports; the seed document), not read from the scenario, so that a
-- changed scenario cannot pass by changing both. The model's values are read
-- from r:observations().
-- Run: indsim script tests/lua/test_hanoi_history.lua (from the source folder).
-- Checks: tests/lua/harness.lua (loaded once, one checker per test file).
local h = scenario.load("tests/lua/harness.lua").new(arg[0])
local eq, near, done = h.eq, h.near, h.done

-- The CSV's rows (state = central + local, non_state, fdi); 1996-2000 lies
-- before the scenario's start; the FDI figure of H1 2007 is missing there.
-- { kind, year0, year1, months, sector, pct, tolerance in points }
local PUBLISHED = {
  { "avg_growth", 2001, 2005, nil, "total", 18.7, 1 },     -- 2001-2005, avg/yr
  { "growth", 2006, 2006, nil, "total", 16.5, 1 },         -- 2006, full year
  { "period_growth", 2007, 2007, 6, "total", 21.3, 1 },    -- 2007, 6 months
  { "period_growth", 2006, 2006, 8, "total", 17.1, 3 },    -- 2006, 8 months
  { "period_growth", 2006, 2006, 8, "state", 3.0, 3 },
  { "period_growth", 2006, 2006, 8, "non_state", 26.4, 3 },
  { "period_growth", 2006, 2006, 8, "fdi", 29.2, 3 },
  { "period_growth", 2007, 2007, 6, "state", 5.9, 3 },
  { "period_growth", 2007, 2007, 6, "non_state", 24.9, 3 },
}
-- Two-month figures (not held to the tolerance: one month's deliveries swing them).
local SHORT = {
  { "period_growth", 2006, 2006, 2, "total", 21.3 }, { "period_growth", 2006, 2006, 2, "state", 7.7 },
  { "period_growth", 2006, 2006, 2, "non_state", 19.9 }, { "period_growth", 2006, 2006, 2, "fdi", 45.2 },
}
local function key(kind, y0, y1, months, sector)
  return ("%s %s%s (%s)"):format(kind, y0 == y1 and tostring(y0) or (y0 .. "-" .. y1), months and (", " .. months .. " months") or "", sector)
end
local published, short = {}, {}
for _, p in ipairs(PUBLISHED) do published[key(p[1], p[2], p[3], p[4], p[5])] = p end
for _, p in ipairs(SHORT) do short[key(p[1], p[2], p[3], p[4], p[5])] = p end

local base = scenario.load "hanoi/baseline"

-- 1. The model at the published figures, as observations the test states itself.
local mine = {}
for i, p in ipairs(PUBLISHED) do
  local sector = p[5] ~= "total" and p[5] or nil
  if p[1] == "avg_growth" then mine[i] = obs.avg_growth { years = { p[2], p[3] }, pct = p[6], sector = sector }
  elseif p[1] == "growth" then mine[i] = obs.growth { year = p[2], pct = p[6], sector = sector }
  else mine[i] = obs.period_growth { year = p[2], months = p[4], pct = p[6], sector = sector } end
end
local o = run(base:with { name = "history check", observations = mine }):observations()
eq("r:observations(): one entry per published figure", #o, #PUBLISHED)
for i, p in ipairs(PUBLISHED) do
  local got = o[i] or {}
  local label = ("%s %d%s (%s)"):format(p[1], p[2], p[4] and (", " .. p[4] .. " months") or (p[3] ~= p[2] and ("-" .. p[3]) or ""), p[5])
  eq(label .. ": sector as asked", got.sector, p[5])
  near(("%s: model growth within %g points of the published %.1f %%"):format(label, p[7], p[6]),
       got.model and 100 * got.model, p[6], p[7])
end

-- 2. The baseline's own observations: where the CSV has the figure, the
-- scenario states the published value, and the model is within the tolerance.
local own = run(base):observations()
eq("baseline: r:observations() matches the scenario's list", #own, #base.observations)
local seen = {}
for i, ob in ipairs(base.observations) do
  local got = own[i] or {}
  local sector = ob.sector or "total"
  eq(("baseline observation %d: kind and sector"):format(i), (got.kind or "?") .. " " .. (got.sector or "?"), ob.kind .. " " .. sector)
  local months = ob.kind == "period_growth" and (ob.m0 == 0 and ob.m1 or ob.m1 - ob.m0) or nil
  local k = key(ob.kind, ob.year0, ob.year1, months, sector)
  local p = published[k]
  if p then
    seen[k] = true
    eq(("baseline states the published %s: %.1f %%"):format(k, p[6]), got.observed and 100 * got.observed, p[6], 1e-12)
    near(("baseline %s: model within %g points of %.1f %%"):format(k, p[7], p[6]), got.model and 100 * got.model, p[6], p[7])
  elseif short[k] then
    eq(("baseline states the published %s: %.1f %%"):format(k, short[k][6]), got.observed and 100 * got.observed, short[k][6], 1e-12)
  else
    print(("note  baseline observation %d (%s) is not in the CSV; not checked"):format(i, got.label or k))
  end
end
for _, p in ipairs(PUBLISHED) do
  if p[7] <= 1 then
    local k = key(p[1], p[2], p[3], p[4], p[5])
    eq(("the baseline declares the headline figure %s"):format(k), seen[k] == true, true)
  end
end

done()
