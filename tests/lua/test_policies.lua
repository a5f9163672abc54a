-- test_policies.lua — policies and events: budget mode (strength B/(B+B50),
-- cost B), strength mode, explicit effect sizes (implied cost B50·f/(1−f));
-- cost paid only while active, never for events, split among targets;
-- user-defined kinds (policy.define) and one-off policies (policy.custom)
-- with additive and multiplicative effects on named parameters; targets;
-- transfers conserving capital and employment. Each number is checked
-- against a closed form of a scenario whose dynamics are switched off except
-- for the stock under test (flat() below).
-- Run: indsim script tests/lua/test_policies.lua (from the source folder).
-- Checks: tests/lua/harness.lua (loaded once, one checker per test file).
local h = scenario.load("tests/lua/harness.lua").new(arg[0])
local eq, done = h.eq, h.done

local T0 = 2000
-- No investment, no depreciation, constant employment, skills, technology,
-- value-added share and TFP unless a test turns one on.
local FLAT = { s = 0, f0 = 0, delta = 0, n = 0, r = 0, rho = 0, p = 0, q = 0, omega = 0, dv = 0, g = 0,
               output0 = 1000, va_share0 = 0.25, kappa = 2, employment0 = 100, skilled0 = 0.3 }
local function flat(name, params, sectors, extra)
  local p = {}
  for k, v in pairs(FLAT) do p[k] = v end
  for k, v in pairs(params or {}) do p[k] = v end
  local t = { name = name, period = { T0, 2012 }, sectors = sectors or { "a" }, params = p }
  for k, v in pairs(extra or {}) do t[k] = v end
  local sc = scenario(t)
  return sc
end
local K0, L0, H0 = 2 * 1000 * 0.25, 100, 0.3   -- kappa·output0·va_share0, employment0, skilled0

-- ∫_a^b X0·Z(t) dt, Z(t0) = 1 growing at rates[i][2] from the year rates[i][1] on.
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
local function check_pv(label, r, sector, rates)
  for _, y in ipairs { 2003, 2004, 2005, 2006, 2009, 2012 } do
    eq(("%s: production value %d %s"):format(label, y, sector or "total"), r:get("production_value", y, sector),
       integral(1000, rates, y, y + 1), 1e-8)
  end
end

-- Skilled share with training rate a·w(t) from `from`, w ramping over `ramp`
-- years (no leavers, n = 0): H(t) = 1 − (1 − H0)·exp(−∫ r dt).
local function skilled(a, from, ramp, t, to)
  local function R(u)
    if u <= from then return 0 end
    local d = u - from
    if ramp > 0 and d <= ramp then return a * d * d / (2 * ramp) end
    return a * ((ramp > 0 and ramp / 2 or 0) + d - ramp)
  end
  if to and t > to then t = to end
  return 1 - (1 - H0) * math.exp(-R(t))
end
local function check_skilled(label, r, a, from, ramp, to)
  for _, y in ipairs { 2006, 2007, 2008, 2009, 2010, 2012 } do
    eq(("%s: skilled share at the end of %d"):format(label, y), r:get("skilled_share", y), skilled(a, from, ramp, y + 1, to), 1e-7)
  end
end
local function effect(m, key)
  for _, e in ipairs(m.effects) do if e.key == key then return e.size.value end end
end
local base = flat("base")

-- Budget mode. B50 of training is 150 bn VND/yr (engine/lua/catalogue.lua), its
-- maximum rate effect 0.08/yr and its ramp 2 years: budget 100 gives strength
-- 100/(100 + 150) = 0.4, a training rate of 0.4·0.08 = 0.032/yr, cost 100.
local tr = policy.training { from = 2008, to = 2010, budget = 100 }
eq("budget 100: strength = 100/(100+150)", tr.strength, 0.4, 1e-15)
eq("budget 100: cost", tr.cost, 100)
local r = run(base:with { name = "training budget", policies = { tr } })
check_skilled("training budget 100", r, 0.032, 2008, 2, 2011)
for y, want in pairs { [2007] = 0, [2008] = 100, [2009] = 100, [2010] = 100, [2011] = 0, [2012] = 0 } do
  eq(("training budget 100, 2008-2010: policy cost %d"):format(y), r:get("policy_cost", y), want, 1e-12)
end
local tech = policy.tech_renewal { from = 2008, budget = 250 }  -- B50 250: strength 1/2
eq("tech_renewal budget 250 = B50: strength 0.5", tech.strength, 0.5, 1e-15)

-- Strength mode: strength 0.25 costs B50·0.25/0.75 = 50 a year; rate 0.02/yr.
local ts = policy.training { from = 2008, strength = 0.25, ramp = 0 }
eq("strength 0.25: strength", ts.strength, 0.25)
eq("strength 0.25: implied cost 150·0.25/0.75", ts.cost, 50, 1e-12)
r = run(base:with { name = "training strength", policies = { ts } })
check_skilled("training strength 0.25", r, 0.02, 2008, 0)
eq("training strength 0.25: policy cost 2012 (no end)", r:get("policy_cost", 2012), 50, 1e-12)

-- Explicit effect sizes: rate 0.04 is half the maximum 0.08, f = 0.5: cost
-- 150·0.5/0.5 = 150 and the other effect (premium, max 0.15) scaled to 0.075.
local te = policy.training { from = 2008, rate = 0.04, ramp = 0 }
eq("rate = 0.04: implied cost 150·f/(1−f), f = 0.5", te.cost, 150, 1e-12)
eq("rate = 0.04: rate effect as given", effect(te, "rate"), 0.04)
eq("rate = 0.04: premium scaled to 0.15·0.5", effect(te, "premium"), 0.075, 1e-12)
r = run(base:with { name = "training sizes", policies = { te } })
check_skilled("training rate 0.04", r, 0.04, 2008, 0)
eq("training rate 0.04: policy cost 2009", r:get("policy_cost", 2009), 150, 1e-12)
-- Two sizes: f = max(0.02/0.08, 0.12/0.15) = 0.8, cost 150·0.8/0.2 = 600.
local t2 = policy.training { from = 2008, rate = 0.02, premium = 0.12 }
eq("rate = 0.02, premium = 0.12: cost from the larger fraction 0.8", t2.cost, 600, 1e-12)
eq("rate = 0.02, premium = 0.12: explicit cost overrides", policy.training { from = 2008, rate = 0.04, cost = 10 }.cost, 10)

-- A user-defined kind: +0.02/yr of TFP growth at most, B50 = 50.
local boost = policy.define { name = "tfp_boost", effects = { tfp = { param = "g", add = 0.02 } }, B50 = 50 }
local b1 = boost { from = 2005, budget = 50 }        -- strength 0.5: g + 0.01
local b2 = boost { from = 2005, tfp = 0.005 }         -- f = 0.25: cost 50·0.25/0.75
local b3 = boost { from = 2005, strength = 0.2 }      -- g + 0.004, cost 50·0.2/0.8 = 12.5
eq("policy.define, budget = B50: strength", b1.strength, 0.5)
eq("policy.define, tfp = 0.005: implied cost", b2.cost, 50 / 3, 1e-12)
eq("policy.define, strength 0.2: implied cost", b3.cost, 12.5, 1e-12)
check_pv("tfp_boost budget 50", run(base:with { name = "b1", policies = { b1 } }), nil, { { T0, 0 }, { 2005, 0.01 } })
check_pv("tfp_boost tfp 0.005", run(base:with { name = "b2", policies = { b2 } }), nil, { { T0, 0 }, { 2005, 0.005 } })
check_pv("tfp_boost strength 0.2", run(base:with { name = "b3", policies = { b3 } }), nil, { { T0, 0 }, { 2005, 0.004 } })
check_pv("two policies add up", run(base:with { name = "b12", policies = { b1, b2 } }), nil, { { T0, 0 }, { 2005, 0.015 } })

-- policy.custom: budget with its own B50 (30/(30+10) = 0.75), or a plain cost.
local c1 = policy.custom { name = "c1", from = 2005, budget = 30, B50 = 10, effects = { { param = "g", add = 0.02 } } }
eq("policy.custom budget 30, B50 10: strength", c1.strength, 0.75)
r = run(base:with { name = "c1", policies = { c1 } })
check_pv("policy.custom budget", r, nil, { { T0, 0 }, { 2005, 0.015 } })
eq("policy.custom budget: cost 2006", r:get("policy_cost", 2006), 30, 1e-12)

-- Multiplicative effects: g·(1 + 0.5), delta·(1 + 1).
local base_g = flat("base g", { g = 0.02 })
check_pv("g × 1.5 from 2005", run(base_g:with { name = "mul g", policies = {
  policy.custom { name = "m", from = 2005, cost = 1, effects = { { param = "g", mul = 0.5 } } } } }), nil,
  { { T0, 0.02 }, { 2005, 0.03 } })
r = run(flat("mul delta", { delta = 0.02 }, nil, { policies = {
  policy.custom { name = "m", from = 2005, effects = { { param = "delta", mul = 1.0 } } } } }))
for _, y in ipairs { 2003, 2004, 2005, 2010 } do
  local t = y + 1
  local want = t <= 2005 and K0 * math.exp(-0.02 * (t - T0)) or K0 * math.exp(-0.02 * 5 - 0.04 * (t - 2005))
  eq(("delta × 2 from 2005: capital at the end of %d"):format(y), r:get("capital", y), want, 1e-8)
end
-- Additive effects on other parameters: n, dv, the shared E_target.
r = run(base:with { name = "add n", policies = { policy.custom { name = "n", from = 2005, effects = { { param = "n", add = 0.02 } } } } })
for _, y in ipairs { 2004, 2005, 2010 } do
  eq(("n + 0.02 from 2005: employment at the end of %d"):format(y), r:get("employment", y), L0 * math.exp(0.02 * math.max(0, y + 1 - 2005)), 1e-8)
end
r = run(base:with { name = "add dv", policies = { policy.custom { name = "dv", from = 2005, effects = { { param = "dv", add = -0.02 } } } } })
check_pv("dv − 0.02 from 2005 (X = Y/v grows at 0.02)", r, nil, { { T0, 0 }, { 2005, 0.02 } })
eq("dv − 0.02: value added unchanged", r:get("value_added", 2010), 250, 1e-8)
r = run(base:with { name = "add E", policies = { policy.custom { name = "E", from = 2005, effects = { { param = "E_target", add = 5 } } } } })
for _, y in ipairs { 2004, 2005, 2008 } do  -- tau_E = 1: E = 5·(1 − e^{−(t − 2005)})
  eq(("E_target + 5 from 2005: business environment at the end of %d"):format(y), r:get("business_env", y),
     5 * (1 - math.exp(-math.max(0, y + 1 - 2005))), 1e-7)
end

-- Targets: only the targeted sector moves; cost split evenly among targets.
local three = flat("three", { g = 0.01 }, { "a", "b", "c" })
r = run(three:with { name = "targets", policies = {
  policy.custom { name = "t", from = 2005, cost = 100, targets = { "a", "b" }, effects = { { param = "g", add = 0.01 } } } } })
check_pv("targets a,b: sector a", r, "a", { { T0, 0.01 }, { 2005, 0.02 } })
check_pv("targets a,b: sector c untouched", r, "c", { { T0, 0.01 } })
eq("targets a,b: cost of a is half", r:get("policy_cost", 2006, "a"), 50, 1e-12)
eq("targets a,b: cost of b is half", r:get("policy_cost", 2006, "b"), 50, 1e-12)
eq("targets a,b: cost of c", r:get("policy_cost", 2006, "c"), 0)
eq("targets a,b: total cost", r:get("policy_cost", 2006), 100, 1e-12)
r = run(three:with { name = "one target", policies = { policy.training { from = 2005, budget = 30, targets = "b" } } })
eq("catalogue policy with targets = 'b': cost of b", r:get("policy_cost", 2006, "b"), 30, 1e-12)
eq("catalogue policy with targets = 'b': skilled share of a untouched", r:get("skilled_share", 2010, "a"), H0, 1e-12)

-- Cost only while active: from 2008.25 to the end of 2009 at 80 a year; ramp
-- and decay do not change what is paid.
r = run(base:with { name = "active", policies = {
  policy.custom { name = "p", from = 2008.25, to = 2009, ramp = 1, decay = 2, cost = 80, effects = { { param = "g", add = 0.01 } } } } })
for y, want in pairs { [2007] = 0, [2008] = 60, [2009] = 80, [2010] = 0, [2011] = 0 } do
  eq(("cost 80/yr active 2008.25-2010.0: policy cost %d = 80 × active fraction"):format(y), r:get("policy_cost", y), want, 1e-12)
end
r = run(base:with { name = "active budget", policies = { policy.training { from = 2008.5, to = 2010, budget = 40 } } })
for y, want in pairs { [2007] = 0, [2008] = 20, [2009] = 40, [2010] = 40, [2011] = 0 } do
  eq(("training budget 40 from mid-2008 to 2010: policy cost %d"):format(y), r:get("policy_cost", y), want, 1e-12)
end

-- Events never cost.
r = run(three:with { name = "events", events = {
  event { name = "e", from = 2002, to = 2008, effects = { { param = "g", add = 0.01 } } },
  transfer { name = "t", from_sector = "a", to_sector = "b", rate = 0.05, from = 2003 } } })
local paid = 0
for y = 2000, 2012 do
  paid = paid + math.abs(r:get("policy_cost", y))
  for _, s in ipairs { "a", "b", "c" } do paid = paid + math.abs(r:get("policy_cost", y, s)) end
end
eq("an event and a transfer: no policy cost in any year or sector", paid, 0)
check_pv("the event does act", r, "c", { { T0, 0.01 }, { 2002, 0.02 }, { 2009, 0.01 } })

-- Transfers: sector a moves capital and workers to b at tau = 0.1/yr, with
-- depreciation 0.03 and employment growth 0.01 and no investment:
--   K_a = K0·e^{−(δ+τ)t}, K_b = e^{−δt}·(K0 + K0·(1 − e^{−τt})), K_a + K_b = 2·K0·e^{−δt}
--   L_a = L0·e^{(n−τ)t},  L_a + L_b = 2·L0·e^{nt}
local two = flat("two", { delta = 0.03, n = 0.01 }, { "a", "b" })
local moved = run(two:with { name = "transfer", events = { transfer { name = "t", from_sector = "a", to_sector = "b", rate = 0.1, from = T0 } } })
local still = run(two)
local via_policy = run(two:with { name = "transfer policy", policies = {
  policy.custom { name = "p", from = T0, budget = 10, B50 = 10, transfers = { { from_sector = "a", to_sector = "b", rate = 0.2 } } } } })
for _, y in ipairs { 2000, 2005, 2012 } do
  local t = y + 1 - T0
  eq(("transfer: capital of a, end of %d"):format(y), moved:get("capital", y, "a"), K0 * math.exp(-0.13 * t), 1e-8)
  eq(("transfer: capital of b, end of %d"):format(y), moved:get("capital", y, "b"), math.exp(-0.03 * t) * (K0 + K0 * (1 - math.exp(-0.1 * t))), 1e-8)
  eq(("transfer: total capital conserved, end of %d"):format(y), moved:get("capital", y, "a") + moved:get("capital", y, "b"), 2 * K0 * math.exp(-0.03 * t), 1e-8)
  eq(("transfer: total capital as without the transfer, %d"):format(y), moved:get("capital", y), still:get("capital", y), 1e-8)
  eq(("transfer: employment of a, end of %d"):format(y), moved:get("employment", y, "a"), L0 * math.exp(-0.09 * t), 1e-8)
  eq(("transfer: total employment conserved, end of %d"):format(y), moved:get("employment", y, "a") + moved:get("employment", y, "b"), 2 * L0 * math.exp(0.01 * t), 1e-8)
  eq(("transfer in a policy, rate 0.2 at strength 0.5: capital of a, %d"):format(y), via_policy:get("capital", y, "a"), K0 * math.exp(-0.13 * t), 1e-8)
end
local late = run(two:with { name = "late transfer", events = { transfer { name = "t", from_sector = "a", to_sector = "b", rate = 0.1, from = 2005 } } })
eq("transfer from 2005: capital of a at the end of 2008", late:get("capital", 2008, "a"), K0 * math.exp(-0.03 * 9 - 0.1 * 4), 1e-8)
eq("transfer from 2005: capital of a at the end of 2003 untouched", late:get("capital", 2003, "a"), K0 * math.exp(-0.03 * 4), 1e-8)

done()
