-- test_scenario.lua — building scenarios and deriving them with base:with{}:
-- the derived scenario needs its own name; parameter overrides per sector;
-- add_policies appends, policies replaces; a with{} of a with{} keeps the
-- chain. Numbers are checked against the closed form of a scenario in which
-- only TFP grows (see flat() below).
-- Run: indsim script tests/lua/test_scenario.lua (from the source folder).
-- Checks: tests/lua/harness.lua (loaded once, one checker per test file).
local FILE = arg[0]
local h = scenario.load("tests/lua/harness.lua").new(FILE)
local eq, raises, here, done = h.eq, h.raises, h.here, h.done

-- A scenario with a closed form: no investment (s = 0, f0 = 0), no
-- depreciation, constant employment, skills, technology and value-added
-- share, so that only TFP moves: X(t) = X0·Z(t), Z' = g(t)·Z, Z(t0) = 1.
local T0 = 2000
local FLAT = { s = 0, f0 = 0, delta = 0, n = 0, r = 0, rho = 0, p = 0, q = 0, omega = 0, dv = 0 }
local function flat(name, params, sectors)
  local p = {}
  for k, v in pairs(FLAT) do p[k] = v end
  for k, v in pairs(params or {}) do p[k] = v end
  local sc = scenario { name = name, period = { T0, 2010 }, sectors = sectors or { "a" }, params = p }
  return sc
end

-- ∫_a^b X0·Z(t) dt, Z growing at the rate rates[i][2] from the year rates[i][1]
-- (rates[1][1] = t0) until the next entry.
local function integral(X0, rates, a, b)
  local total, z = 0, 1
  for i, seg in ipairs(rates) do
    local s0, g = seg[1], seg[2]
    local s1 = rates[i + 1] and rates[i + 1][1] or math.huge
    local lo, hi = math.max(a, s0), math.min(b, s1)
    if hi > lo then
      total = total + (g == 0 and z * (hi - lo) or z * (math.exp(g * (hi - s0)) - math.exp(g * (lo - s0))) / g)
    end
    if s1 < math.huge then z = z * math.exp(g * (s1 - s0)) end
  end
  return X0 * total
end

-- Production value of sector in year y against the closed form, for a few years.
local function check_pv(label, r, sector, X0, rates)
  for _, y in ipairs { 2000, 2003, 2004, 2005, 2006, 2008, 2010 } do
    eq(("%s: production value %d, sector %s"):format(label, y, sector), r:get("production_value", y, sector),
       integral(X0, rates, y, y + 1), 1e-8)
  end
end

local function names(list)
  local t = {}
  for i, m in ipairs(list) do t[i] = m.name end
  return table.concat(t, ",")
end

-- Construction.
local base = flat("base", { output0 = 1000, g = { a = 0.01, b = 0.02 } }, { "a", "b" })
eq("scenario{}: name", base.name, "base")
eq("scenario{}: number of sectors", #base.sectors, 2)
eq("scenario{}: second sector", base.sectors[2].name, "b")
eq("scenario{}: period", ("%d-%d"):format(base.period[1], base.period[2]), "2000-2010")
eq("scenario{}: g of a", base:assumption("g", "a").value, 0.01)
eq("scenario{}: g of b", base:assumption("g", "b").value, 0.02)
eq("scenario{}: no policies", #base.policies, 0)
check_pv("base", run(base), "a", 1000, { { T0, 0.01 } })
check_pv("base", run(base), "b", 1000, { { T0, 0.02 } })

-- The derived scenario needs its own name.
raises("with{} without a name: error at file:line about 'name'",
       function() base:with { title = "no name" } end, "scenario", ("%s:%d: name"):format(FILE, here()), "own name")
raises("with{} with the base's name: error about 'name'",
       function() base:with { name = "base" } end, "scenario", ("%s:%d: name"):format(FILE, here()), "'base'")

-- A per-sector override replaces that sector's value only; one value replaces all.
local d1 = base:with { name = "d1", params = { g = { b = 0.04 } } }
eq("with{params = {g = {b = }}}: g of a kept", d1:assumption("g", "a").value, 0.01)
eq("with{params = {g = {b = }}}: g of b overridden", d1:assumption("g", "b").value, 0.04)
eq("with{}: the base is unchanged", base:assumption("g", "b").value, 0.02)
local r1 = run(d1)
check_pv("d1", r1, "a", 1000, { { T0, 0.01 } })
check_pv("d1", r1, "b", 1000, { { T0, 0.04 } })
local d2 = base:with { name = "d2", params = { g = 0.03 } }
eq("with{params = {g = 0.03}}: g of a", d2:assumption("g", "a").value, 0.03)
eq("with{params = {g = 0.03}}: g of b", d2:assumption("g", "b").value, 0.03)
check_pv("d2", run(d2), "b", 1000, { { T0, 0.03 } })
eq("with{}: period inherited", d2.period[2], 2010)
eq("with{}: sectors inherited", #d2.sectors, 2)

-- add_policies appends, policies replaces; a with{} of a with{} keeps the chain.
local function tfp(name, from, add, targets)
  local m = policy.custom { name = name, from = from, targets = targets, effects = { { param = "g", add = add } } }
  return m
end
local p1, p2, p3 = tfp("p1", 2004, 0.01, "a"), tfp("p2", 2006, 0.02, "b"), tfp("p3", 2005, 0.005)
local c1 = base:with { name = "c1", params = { g = { a = 0.03 } }, policies = { p1 } }
local c2 = c1:with { name = "c2", params = { output0 = 500 }, add_policies = { p2 } }
local c3 = c2:with { name = "c3", policies = { p3 } }
local c4 = c2:with { name = "c4", policies = { p3 }, add_policies = { p1 } }
eq("with{policies = {p1}}", names(c1.policies), "p1")
eq("with{add_policies = {p2}} appends", names(c2.policies), "p1,p2")
eq("with{policies = {p3}} replaces", names(c3.policies), "p3")
eq("with{policies = , add_policies = }", names(c4.policies), "p3,p1")
eq("the base keeps no policies", #base.policies, 0)
eq("c1 keeps its policies after c2 was derived", names(c1.policies), "p1")
eq("chain: c2.base is c1", c2.base == c1, true)
eq("chain: c1.base is base", c1.base == base, true)
eq("chain: c2 keeps c1's g of a", c2:assumption("g", "a").value, 0.03)
eq("chain: c2 keeps base's g of b", c2:assumption("g", "b").value, 0.02)
eq("chain: c2's own output0", c2:assumption("output0", "a").value, 500)
eq("chain: c3 keeps c2's output0 and c1's g", c3:assumption("output0", "b").value + c3:assumption("g", "a").value, 500.03)
local r2, r3 = run(c2), run(c3)
check_pv("c2", r2, "a", 500, { { T0, 0.03 }, { 2004, 0.04 } })
check_pv("c2", r2, "b", 500, { { T0, 0.02 }, { 2006, 0.04 } })
check_pv("c3", r3, "a", 500, { { T0, 0.03 }, { 2005, 0.035 } })
check_pv("c3", r3, "b", 500, { { T0, 0.02 }, { 2005, 0.025 } })
eq("c2: total is the sum of the sectors", r2:get("production_value", 2007),
   integral(500, { { T0, 0.03 }, { 2004, 0.04 } }, 2007, 2008) + integral(500, { { T0, 0.02 }, { 2006, 0.04 } }, 2007, 2008), 1e-8)

-- Events and observations follow the same rule.
local e1 = event { name = "e1", from = 2002, effects = { { param = "g", add = 0.01 } } }
local e2 = event { name = "e2", from = 2003, effects = { { param = "g", add = 0.01 } } }
local o1 = obs.growth { year = 2005, pct = 3 }
local o2 = obs.level { year = 2006, value = 1000 }
local v1 = base:with { name = "v1", events = { e1 }, observations = { o1 } }
local v2 = v1:with { name = "v2", add_events = { e2 }, add_observations = { o2 } }
local v3 = v2:with { name = "v3", events = { e2 }, observations = { o2 } }
eq("with{add_events} appends", names(v2.events), "e1,e2")
eq("with{events} replaces", names(v3.events), "e2")
eq("with{add_observations} appends", #v2.observations, 2)
eq("with{observations} replaces", #v3.observations == 1 and v3.observations[1] == o2, true)
check_pv("v2", run(v2), "a", 1000, { { T0, 0.01 }, { 2002, 0.02 }, { 2003, 0.03 } })

-- A changed period and a bilingual title.
local w = base:with { name = "w", period = { 2000, 2020 }, title = { vi = "Thử nghiệm", en = "Test" } }
eq("with{period = }", w.period[2], 2020)
eq("with{title = {vi, en}}: vi", w.title.vi, "Thử nghiệm")
eq("with{title}: the run's last year", run(w).last_year, 2020)

done()
