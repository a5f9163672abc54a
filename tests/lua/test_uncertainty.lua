-- test_uncertainty.lua — uncertain numbers from Lua: the distribution
-- constructors refuse bad parameters at file:line; a single run uses each
-- distribution's median (and a joint normal's mean); ensemble() is the same
-- for any thread count, counts failed draws, refuses a bad covariance, gives
-- plan targets' chances of being met and, with a baseline sharing the
-- uncertain numbers, gains whose noise cancels (common random numbers).
-- Numbers are checked against the closed form of a scenario in which only
-- TFP grows, at a rate g: production value X0·(e^{g(y+1−t0)} − e^{g(y−t0)})/g
-- in year y, average growth e^g − 1 over any years.
-- Tolerances: sampling checks allow 5 standard errors (the seeds are fixed:
-- the draws are the same at every run); medians are compared with their
-- closed forms to 1e-12 relative (round-off of GSL's inverse cdfs); runs
-- that should be the same are compared exactly.
-- Run: indsim script tests/lua/test_uncertainty.lua (from the source folder).
-- Checks: tests/lua/harness.lua (loaded once, one checker per test file).
local FILE = arg[0]
local h = scenario.load("tests/lua/harness.lua").new(FILE)
local eq, near, raises, here, done = h.eq, h.near, h.raises, h.here, h.done

local T0, LAST, X0 = 2000, 2010, 1000
local GA, GB = 0.01, 0.05 -- g ~ uniform(GA, GB)
local SIGMAS = 5

-- No investment, no depreciation, constant employment, skills, technology
-- and value-added share: only TFP moves. The solver is pinned (rkf45, rtol
-- 1e-8: flows within ~1e-7) so that the 1e-7 comparisons with closed forms
-- do not follow the engine's default.
local FLAT = { s = 0, f0 = 0, delta = 0, n = 0, r = 0, rho = 0, p = 0, q = 0, omega = 0, dv = 0 }
local function flat(name, params, extra)
  local p = {}
  for k, v in pairs(FLAT) do p[k] = v end
  for k, v in pairs(params or {}) do p[k] = v end
  local t = { name = name, period = { T0, LAST }, sectors = { "a" }, params = p, solver = { method = "rkf45", rtol = 1e-8 } }
  for k, v in pairs(extra or {}) do t[k] = v end
  return scenario(t)
end

local function pv(g, y) return X0 * (math.exp(g * (y + 1 - T0)) - math.exp(g * (y - T0))) / g end
-- The same with g raised by dg from the start of year T on.
local function pv_policy(g, dg, T, y)
  if y < T then return pv(g, y) end
  local hh = g + dg
  return X0 * math.exp(g * (T - T0)) * (math.exp(hh * (y + 1 - T)) - math.exp(hh * (y - T))) / hh
end
-- (1/(b − a))·∫_a^b f(g) dg by Simpson's rule on 2000 intervals (error ~1e-13 relative here).
local function uniform_mean(f, a, b)
  local n, s = 2000, f(a) + f(b)
  local w = (b - a) / n
  for i = 1, n - 1 do s = s + (i % 2 == 1 and 4 or 2) * f(a + i * w) end
  return s * w / 3 / (b - a)
end

local function stats_text(s)
  local t = {}
  for _, k in ipairs { "n", "mean", "sd", "q05", "q25", "q50", "q75", "q95" } do t[#t + 1] = k .. "=" .. tostring(s[k]) end
  return table.concat(t, " ")
end
local function same_stats(a, b)
  for _, k in ipairs { "n", "mean", "sd", "q05", "q25", "q50", "q75", "q95" } do
    if a[k] ~= b[k] then return false end
  end
  return true
end

-- Distribution constructors: bad parameters raise a scenario error at the
-- line of the call.
raises("normal(0.5, -1): sd <= 0, at file:line", function() normal(0.5, -1) end, "scenario", ("%s:%d:"):format(FILE, here()), "sd > 0")
raises("normal(0.5, 0): sd = 0", function() normal(0.5, 0) end, "scenario", ("%s:%d:"):format(FILE, here()), "sd > 0")
raises("normal(NaN, 1): not a finite number", function() normal(0 / 0, 1) end, "scenario", ("%s:%d:"):format(FILE, here()), "finite")
raises("lognormal(-1, 0.5): median <= 0", function() lognormal(-1, 0.5) end, "scenario", ("%s:%d:"):format(FILE, here()), "median > 0")
raises("lognormal(1, 0): sigma <= 0", function() lognormal(1, 0) end, "scenario", ("%s:%d:"):format(FILE, here()), "sigma > 0")
raises("uniform(2, 1): lo >= hi", function() uniform(2, 1) end, "scenario", ("%s:%d:"):format(FILE, here()), "lo < hi")
raises("uniform(1, 1): lo = hi", function() uniform(1, 1) end, "scenario", ("%s:%d:"):format(FILE, here()), "lo < hi")
raises("triangular(0, 2, 1): mode above hi", function() triangular(0, 2, 1) end, "scenario", ("%s:%d:"):format(FILE, here()), "mode")
raises("triangular(0, -1, 1): mode below lo", function() triangular(0, -1, 1) end, "scenario", ("%s:%d:"):format(FILE, here()), "mode")
raises("beta(0, 1): shape <= 0", function() beta(0, 1) end, "scenario", ("%s:%d:"):format(FILE, here()), "a, b > 0")
raises("beta(2, 2, 1, 0): lo >= hi", function() beta(2, 2, 1, 0) end, "scenario", ("%s:%d:"):format(FILE, here()), "lo < hi")
raises("choice with probabilities summing to 0.9", function() choice({ 1, 2 }, { 0.5, 0.4 }) end, "scenario", ("%s:%d:"):format(FILE, here()), "sum to 1")
raises("choice with a negative probability", function() choice({ 1, 2 }, { 1.5, -0.5 }) end, "scenario", ("%s:%d:"):format(FILE, here()), ">= 0")
raises("choice with one probability for two values", function() choice({ 1, 2 }, { 1 }) end, "scenario", ("%s:%d:"):format(FILE, here()), "one probability per value")

-- Medians: the closed forms. lognormal(m, s): m. beta(2, 2) on [0.3, 0.5]:
-- symmetric, 0.4. triangular(0, 0.005, 0.03): F(mode) = 1/6 < 1/2, so the
-- median is 0.03 − sqrt(0.5·0.03·0.025). uniform(lo, hi): (lo + hi)/2.
local dg, dalpha, dn = lognormal(0.02, 0.3), beta(2, 2, 0.3, 0.5), triangular(0, 0.005, 0.03)
eq("lognormal(0.02, 0.3).median", dg.median, 0.02, 1e-12)
eq("beta(2, 2, 0.3, 0.5).median", dalpha.median, 0.4, 1e-12)
eq("triangular(0, 0.005, 0.03).median", dn.median, 0.03 - math.sqrt(0.5 * 0.03 * 0.025), 1e-12)
eq("uniform(0.01, 0.05).median", uniform(GA, GB).median, 0.03, 1e-12)
eq("choice({1, 2, 5}, {0.2, 0.5, 0.3}).median", choice({ 1, 2, 5 }, { 0.2, 0.5, 0.3 }).median, 2)

-- A single run uses the medians: the same result as the numbers themselves.
local with_dists = flat("dists", { g = dg, alpha = dalpha, n = dn })
local with_numbers = flat("numbers", { g = dg.median, alpha = dalpha.median, n = dn.median })
eq("a distribution's assumption value is its median", with_dists:assumption("g", "a").value, dg.median)
local rd, rn = run(with_dists), run(with_numbers)
for _, y in ipairs { 2000, 2005, 2010 } do
  for _, var in ipairs { "production_value", "value_added", "employment", "labour_productivity" } do
    eq(("run at the medians: %s %d identical to the numbers'"):format(var, y), rd:get(var, y), rn:get(var, y))
  end
end
-- and a joint normal's mean
local jsc = flat("joint", { g = 0.015 }, { joints = { mvnormal { params = { "g" }, mean = { 0.03 }, cov = { { 1e-4 } } } } })
eq("run with a joint normal: production value 2010 at its mean g = 0.03", run(jsc):get("production_value", 2010), pv(0.03, 2010), 1e-7)

-- A bad covariance is refused where mvnormal is written.
raises("mvnormal in joints: covariance not positive definite",
       function() flat("bad", {}, { joints = { mvnormal { params = { "g", "n" }, mean = { 0.02, 0.01 }, cov = { { 1e-4, 3e-4 }, { 3e-4, 4e-4 } } } } }) end, "scenario", ("%s:%d:"):format(FILE, here()), "positive definite")
raises("mvnormal in joints: covariance not symmetric",
       function() flat("bad", {}, { joints = { mvnormal { params = { "g", "n" }, mean = { 0.02, 0.01 }, cov = { { 1e-4, 1e-5 }, { 2e-5, 4e-4 } } } } }) end, "scenario", ("%s:%d:"):format(FILE, here()), "symmetric")
raises("mvnormal in joints: a name that is no number of the scenario", function() flat("bad", {}, { joints = { mvnormal { params = { "gg" }, mean = { 0.02 }, cov = { { 1e-4 } } } } }) end,
       "scenario", "'gg'")

-- The same ensemble on one thread and on two: identical statistics.
local unc = flat("uncertain", { g = uniform(GA, GB), n = normal(0.01, 0.005), alpha = dalpha },
                 { targets = { target.avg_growth { years = { 2003, 2008 }, pct = 3 } } })
local e1 = ensemble(unc, { n = 500, seed = 7, threads = 1 })
local e2 = ensemble(unc, { n = 500, seed = 7, threads = 2 })
eq("ensemble: e.draws", e1.draws, 500)
eq("ensemble: e.failed", e1.failed, 0)
eq("ensemble: no baseline by name", e1.baseline, nil)
local differ, cells, first = 0, 0, nil
for y = T0, LAST do
  for _, sector in ipairs { "total", "a" } do
    for _, var in ipairs { "production_value", "growth", "value_added", "capital", "employment", "labour_productivity", "tfp_index" } do
      local a, b = e1:stats(var, y, sector), e2:stats(var, y, sector)
      cells = cells + 1
      if not same_stats(a, b) then
        differ = differ + 1
        first = first or ("%s %d %s: %s / %s"):format(var, y, sector, stats_text(a), stats_text(b))
      end
    end
  end
end
eq(("threads = 1 and 2: e:stats identical in all %d cells"):format(cells), differ, 0)
if first then print("      first difference: " .. first) end
local t1, t2 = e1:targets()[1], e2:targets()[1]
eq("threads = 1 and 2: the target's p_met", t1.p_met, t2.p_met)
eq("threads = 1 and 2: the target's shortfall", t1.shortfall, t2.shortfall)
local s = e1:stats("production_value", 2010)
eq("e:stats: n", s.n, 500)
eq("e:quantile(var, year, sector, 0.5) is q50", e1:quantile("production_value", 2010, "total", 0.5), s.q50)
eq("e:stats: q05 <= q25 <= q50 <= q75 <= q95", s.q05 <= s.q25 and s.q25 <= s.q50 and s.q50 <= s.q75 and s.q75 <= s.q95, true)
local e3 = ensemble(unc, { n = 500, seed = 8, threads = 2 })
eq("another seed: another mean", e3:stats("production_value", 2010).mean ~= s.mean, true)

-- Plan targets, with only g uncertain: average growth 2003-2008 is e^g − 1,
-- met when g >= ln 1.03; p_met = (GB − ln 1.03)/(GB − GA).
local N = 2000
local onlyg = flat("only g", { g = uniform(GA, GB) }, { targets = { target.avg_growth { years = { 2003, 2008 }, pct = 3 } } })
local eg = ensemble(onlyg, { n = N, seed = 11, threads = 2 })
local t = eg:targets()
eq("e:targets(): one target", #t, 1)
eq("e:targets(): p_met between 0 and 1", t[1].p_met >= 0 and t[1].p_met <= 1, true)
local p = (GB - math.log(1.03)) / (GB - GA)
near("e:targets(): p_met = P(e^g − 1 >= 3 %) (5 standard errors)", t[1].p_met, p, SIGMAS * math.sqrt(p * (1 - p) / N))
-- shortfall = E[0.03 − (e^g − 1) | g < g*] = 1.03 − (e^{g*} − e^{GA})/(g* − GA); its se is about
-- the conditional sd of e^g, (g* − GA)/sqrt(12)·e^{g*}, over sqrt(draws that miss)
local gs = math.log(1.03)
local shortfall = 1.03 - (math.exp(gs) - math.exp(GA)) / (gs - GA)
near("e:targets(): shortfall, the mean miss (5 standard errors)", t[1].shortfall, shortfall,
     SIGMAS * (gs - GA) / math.sqrt(12) * math.exp(gs) / math.sqrt(N * (1 - p)))
eq("e:targets(): the target's value", t[1].target, 0.03, 1e-12)

-- Failed draws: alpha ~ normal(0.9, 0.1) is admissible up to 0.95, so a
-- share 1 − Phi(0.5) = 0.3085 of the draws fail; they are counted and left
-- out of every statistic.
local failing = flat("failing", { alpha = normal(0.9, 0.1), g = uniform(GA, GB) })
local ef = ensemble(failing, { n = 400, seed = 5, threads = 2 })
eq("failing draws: e.draws", ef.draws, 400)
near("failing draws: e.failed (5 standard errors)", ef.failed, 0.3085 * 400, SIGMAS * math.sqrt(400 * 0.3085 * 0.6915))
eq("failing draws: e.failure names the parameter", ef.failure:find("alpha", 1, true) ~= nil, true)
eq("failing draws: e.failure names the draw", ef.failure:match("^draw %d+:") ~= nil, true)
eq("failing draws: n of a cell is draws − failed", ef:stats("production_value", 2008).n, ef.draws - ef.failed)

-- Common random numbers: a policy scenario and its baseline share g; the
-- policy adds 0.01 to g from 2005. The gain's sd is that of
-- PV_pol(g) − PV_base(g), far below the level's.
local base = flat("base", { g = uniform(GA, GB) })
local pol = base:with { name = "tfp policy", policies = { policy.custom { name = "tfp", from = 2005, effects = { { param = "g", add = 0.01 } } } } }
local ep = ensemble(pol, { n = N, seed = 3, threads = 2, baseline = base })
eq("ensemble with a baseline: e.baseline", ep.baseline, "base")
local level, gain = ep:stats("production_value", 2010, "total"), ep:stats("production_value", 2010, "total", "gain")
print(("      level 2010: mean %.3f sd %.3f; gain: mean %.3f sd %.3f"):format(level.mean, level.sd, gain.mean, gain.sd))
eq("gain: n", gain.n, N)
eq("gain: sd far below the level's (< 10 %)", gain.sd < 0.1 * level.sd, true)
local gm = uniform_mean(function(g) return pv_policy(g, 0.01, 2005, 2010) - pv(g, 2010) end, GA, GB)
local gm2 = uniform_mean(function(g) return (pv_policy(g, 0.01, 2005, 2010) - pv(g, 2010)) ^ 2 end, GA, GB)
local gsd = math.sqrt(gm2 - gm * gm)
near("gain: mean against the closed form over the uniform (5 standard errors)", gain.mean, gm, SIGMAS * gsd / math.sqrt(N))
eq("gain: sd against the closed form (5 %; its se is ~1 %)", gain.sd, gsd, 0.05)
eq("gain before the policy: 0 in every draw", ep:stats("production_value", 2003, "total", "gain").q95, 0.0)
-- one draw: the gain is the policy's level minus the baseline's level
local one = ensemble(pol, { n = 1, seed = 3, threads = 1, baseline = base })
local onebase = ensemble(base, { n = 1, seed = 3, threads = 1 })
eq("one draw: gain = level − the baseline's level (same draw)",
   one:stats("production_value", 2010, "total", "gain").mean,
   one:stats("production_value", 2010).mean - onebase:stats("production_value", 2010).mean)

-- api.lua: gains only against a baseline given with baseline = (none by default)
local ed = ensemble(pol, { n = 20, seed = 3, threads = 1 })
eq("ensemble(policy) without baseline = : no baseline, no gains", ed.baseline, nil)

-- A level target in the first year needs no earlier year: scenario{} accepts
-- it (as it does an observation of it); so must ensemble().
local ok, err = pcall(function()
  local first = flat("first year target", { g = uniform(GA, GB) }, { targets = { target.level { year = T0, value = 1000 } } })
  return ensemble(first, { n = 50, seed = 1, threads = 1 }):targets()[1].p_met
end)
eq("a level target in the first year: ensemble() runs (p_met 1: PV_2000 >= 1005 > 1000)", ok and err or tostring(err and err.message or err), 1.0)

-- An uncertain B50 of a budget-mode policy: only the draws with B50 <= 0
-- (share Phi(−1.25) = 0.1056) fail; a failed draw must not change the next.
local b50 = flat("b50", { g = 0.02 }, { policies = { policy.custom { name = "credit", from = 2003, budget = 20, B50 = normal(50, 40),
                                                                      effects = { { param = "g", add = 0.01 } } } } })
local eb = ensemble(b50, { n = 1000, seed = 9, threads = 1 })
near("uncertain B50 ~ normal(50, 40): e.failed is the draws with B50 <= 0 (5 standard errors)", eb.failed, 105.6,
     SIGMAS * math.sqrt(1000 * 0.1056 * 0.8944))

done()
