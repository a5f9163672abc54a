-- analysis.lua — the questions a budget holder asks, answered from runs:
-- attribution(package, ...) splits a package's gain among its policies by
-- Shapley values; optimize_split{...} finds the best split of a yearly budget
-- with GSL's Nelder–Mead minimiser; budget_for_target{...} the smallest budget
-- (with its best split) that meets a plan target with a chosen probability.
local core = require "indsim.core"
local check = require "indsim.check"
local options = require "indsim.options"

local M = {}

local function api() return require "indsim.api" end
local function scenario_mod() return require "indsim.scenario" end

-- What a run is worth, measured against the baseline's run: the gain in
-- `output` (an annual variable, production_value by default) in `year`, or,
-- with output = "npv", the net present value (economics()).
-- An annual variable's name, checked (path: where it was given).
local VARS
local function check_var(var, where, path)
  if not VARS then
    VARS = {}
    for _, v in ipairs(core.vars()) do VARS[v.name] = true; VARS[#VARS + 1] = v.name end
  end
  if type(var) ~= "string" or not VARS[var] then
    check.fail(where, path, "'%s': not an output; one of npv, bcr or %s", tostring(var), table.concat(VARS, ", "))
  end
  return var
end

local function measure(opts, where)
  local output, year = opts.output or "production_value", opts.year
  if output ~= "npv" and output ~= "bcr" then
    check_var(output, where, { "output" })
    if math.type(year) ~= "integer" then check.fail(where, { "year" }, "the year of the output to compare (a whole year)") end
  end
  return function(r, base)
    if output == "npv" or output == "bcr" then return api().economics(r, { baseline = base })[output] end
    if year < r.first_year or year > r.last_year then
      check.fail(where, { "year" }, "year %d is outside the period %d-%d of '%s'", year, r.first_year, r.last_year, r.name)
    end
    return r:get(output, year) - base:get(output, year)
  end
end

local function measure_label(opts, basis)
  local output = opts.output or "production_value"
  if output == "npv" then return "net present value (bn VND)" end
  if output == "bcr" then return "benefit-cost ratio" end
  local _, unit = core.var_texts(output, basis)
  return ("gain in %s %d (%s)"):format(output, opts.year, unit and unit.en or "?")
end

-- ---- sensitivity ---------------------------------------------------------

local SETS = { level = true, gain = true, gain_pct = true }
local ECON = { npv = true, bcr = true, pv_benefit = true, pv_cost = true, payback_year = true }

-- One output: "npv" (and the other cost-benefit figures), or
-- { var =, year =, sector =, set = "level"|"gain"|"gain_pct" }.
local function output_spec(o, where, i)
  if type(o) == "string" then
    if not ECON[o] then check.fail(where, { "outputs", i }, "'%s': npv, bcr, pv_benefit, pv_cost, payback_year or a table {var =, year =}", o) end
    return { econ = o }, o
  end
  check.typed(o, "table", where, { "outputs", i }, "an output")
  check.keys(o, check.set { "var", "year", "sector", "set" }, where, { "outputs", i }, "an output")
  local set = o.set or "level"
  if not SETS[set] then check.fail(where, { "outputs", i, "set" }, "level, gain or gain_pct") end
  check_var(o.var or "production_value", where, { "outputs", i, "var" })
  if math.type(o.year) ~= "integer" then check.fail(where, { "outputs", i, "year" }, "the year of the output (a whole year)") end
  local label = ("%s %s %d%s"):format(o.var or "production_value", o.sector or "total", o.year or 0,
                                      set ~= "level" and (" (" .. set .. ")") or "")
  return { var = o.var or "production_value", year = o.year, sector = o.sector or "total", set = set }, label
end

-- sensitivity(sc, {outputs = {...}, method = "oat"|"sobol", baseline =, n =, nboot =, level =, seed =, lo =, hi =})
-- -> { inputs = {names}, outputs = {labels}, method, ... }: for "oat" the output at every number's median
-- (center) and with one number at its lo and hi quantile (lo[k][i], hi[k][i]); for "sobol" first- and
-- total-order indices s1[k][i], st[k][i] with bootstrap intervals (s1_lo ...). A number in a joint counts
-- as its part not explained by the members before it (docs/uncertainty.md).
function M.sensitivity(sc, opts)
  local where = check.where()
  if not scenario_mod().is_scenario(sc) then check.fail(where, {}, "sensitivity expects a scenario") end
  opts = opts or {}
  check.keys(opts, check.set { "outputs", "method", "baseline", "n", "nboot", "level", "seed", "lo", "hi" }, where, {},
             "sensitivity's options")
  local method = opts.method or "oat"
  if method ~= "oat" and method ~= "sobol" then check.fail(where, { "method" }, "oat or sobol") end
  local outs, labels = {}, {}
  for i, o in ipairs(check.list(opts.outputs or { "npv" }, where, { "outputs" }, "the outputs")) do
    outs[i], labels[i] = output_spec(o, where, i)
  end
  local base = opts.baseline
  if base ~= nil and not scenario_mod().is_scenario(base) then check.fail(where, { "baseline" }, "a scenario") end
  local res = core.sensitivity(sc:spec(options.lang), base and base:spec(options.lang) or nil, outs, {
    method = method, n = opts.n, nboot = opts.nboot, level = opts.level, seed = opts.seed, lo = opts.lo, hi = opts.hi })
  res.outputs, res.method, res.name = labels, method, sc.name
  res.lo_q, res.hi_q = opts.lo or 0.05, opts.hi or 0.95
  return res
end

-- The numbers of a sensitivity() result in order of their effect on output
-- k, largest first: the swing (one at a time) or the total-order index.
function M.ranked_inputs(res, k)
  local function n(v) return type(v) == "number" and v or nil end
  local order, score = {}, {}
  for i = 1, #res.inputs do
    order[i] = i
    if res.method == "oat" then
      score[i] = math.abs((n(res.hi[k][i]) or res.center[k]) - (n(res.lo[k][i]) or res.center[k]))
    else
      score[i] = n(res.st[k][i]) or -1
    end
  end
  table.sort(order, function(a, b) return score[a] > score[b] end)
  return order
end

-- ---- attribution --------------------------------------------------------

-- The package's policies that its baseline does not have (the players), and
-- the rest (kept in every subset).
local function own_policies(package, base_sc)
  local in_base = {}
  for _, p in ipairs(base_sc.policies) do in_base[p] = true end
  local own, kept = {}, {}
  for _, p in ipairs(package.policies) do
    if in_base[p] then kept[#kept + 1] = p else own[#own + 1] = p end
  end
  return own, kept
end

-- The gain over the baseline of the package with only the players in mask
-- (and everything else the package has: its parameters, events and kept
-- policies). The empty subset's gain is what the package changes besides
-- its players (0 when it is its baseline plus policies).
local function subset_value(cache, package, base_r, kept, policies, mask, value)
  if cache[mask] then return cache[mask] end
  local chosen = table.move(kept, 1, #kept, 1, {})
  for i, p in ipairs(policies) do if mask & (1 << (i - 1)) ~= 0 then chosen[#chosen + 1] = p end end
  local r = api().run(package:with { name = package.name .. " +" .. mask, policies = chosen })
  cache[mask] = value(r, base_r)
  return cache[mask]
end

local function factorial(n) local f = 1 for i = 2, n do f = f * i end return f end

-- Exact Shapley values over all 2^n subsets.
local function shapley_exact(n, v)
  local phi, w = {}, {}
  for s = 0, n - 1 do w[s] = factorial(s) * factorial(n - s - 1) / factorial(n) end
  for i = 1, n do
    local bit, sum = 1 << (i - 1), 0
    for mask = 0, (1 << n) - 1 do
      if mask & bit == 0 then
        local size = 0
        for k = 1, n do if mask & (1 << (k - 1)) ~= 0 then size = size + 1 end end
        sum = sum + w[size] * (v(mask | bit) - v(mask))
      end
    end
    phi[i] = sum
  end
  return phi
end

-- Beyond 8 policies (2^n runs grow fast): the average marginal contribution
-- over `samples` random orders (fixed seed, so reproducible), each order's
-- contributions adding up to the package's gain exactly.
local function shapley_sampled(n, v, samples, seed)
  local phi = {}
  for i = 1, n do phi[i] = 0 end
  local state = seed
  local function rand(k) -- a small LCG: the order of draws must not depend on Lua's math.random
    state = (state * 6364136223846793005 + 1442695040888963407) & 0x7fffffffffffffff
    return (state >> 20) % k + 1
  end
  for _ = 1, samples do
    local order = {}
    for i = 1, n do order[i] = i end
    for i = n, 2, -1 do local j = rand(i); order[i], order[j] = order[j], order[i] end
    local mask, prev = 0, v(0)
    for _, i in ipairs(order) do
      mask = mask | (1 << (i - 1))
      local now = v(mask)
      phi[i] = phi[i] + (now - prev) / samples
      prev = now
    end
  end
  return phi
end

-- attribution(package, {baseline =, output =, year =, samples =}) ->
-- { total, shares = {{name, title, value, alone, share}}, interaction, pairs, exact }
function M.attribution(package, opts)
  local where = check.where()
  local scenario = scenario_mod()
  if not scenario.is_scenario(package) then check.fail(where, {}, "attribution expects a scenario with policies") end
  opts = opts or {}
  check.keys(opts, check.set { "baseline", "output", "year", "samples", "seed" }, where, {}, "attribution's options")
  local base_sc = opts.baseline or package.base
  if not scenario.is_scenario(base_sc) then check.fail(where, { "baseline" }, "attribution needs baseline = (the scenario without the policies)") end
  local policies, kept = own_policies(package, base_sc)
  local n = #policies
  if n == 0 then check.fail(where, {}, "'%s' has no policies of its own to attribute (its baseline has them all)", package.name) end
  local value = measure(opts, where)
  local base_r = api().run(base_sc)
  local cache = {}
  local function v(mask) return subset_value(cache, package, base_r, kept, policies, mask, value) end
  local exact = n <= 8
  local phi = exact and shapley_exact(n, v) or shapley_sampled(n, v, opts.samples or 2000, opts.seed or 1)
  local full, none = v((1 << n) - 1), v(0)
  local out = { total = full, other = none, shares = {}, exact = exact, pairs = {}, label = measure_label(opts, package.report.basis),
                output = opts.output or "production_value", year = opts.year, basis = package.report.basis }
  local singles = none
  for i, p in ipairs(policies) do
    local alone = v(1 << (i - 1)) - none
    singles = singles + alone
    out.shares[i] = { name = p.name, value = phi[i], alone = alone, share = full ~= 0 and phi[i] / full or nil }
  end
  out.interaction = full - singles -- what the policies add together beyond their single effects
  if exact then
    for i = 1, n do
      for j = i + 1, n do
        local both = v((1 << (i - 1)) | (1 << (j - 1)))
        out.pairs[#out.pairs + 1] = { a = policies[i].name, b = policies[j].name,
                                      value = both - v(1 << (i - 1)) - v(1 << (j - 1)) + none }
      end
    end
    table.sort(out.pairs, function(x, y) return math.abs(x.value) > math.abs(y.value) end)
  end
  return out
end

-- ---- the best split of a budget ------------------------------------------

-- Budgets from the free variables y (k − 1 of them): shares by a softmax
-- with the first policy's score fixed at 0, then min + shares·(total − Σ min).
local function budgets_of(y, k, total, mins)
  local scores, sum = { 0 }, 1
  for i = 2, k do scores[i] = math.exp(math.max(-50, math.min(50, y[i - 1]))); sum = sum + scores[i] end
  scores[1] = 1
  local spare = total
  for i = 1, k do spare = spare - mins[i] end
  local b = {}
  for i = 1, k do b[i] = mins[i] + spare * scores[i] / sum end
  return b
end

local function split_scenario(base, kinds, budgets, opts, tag)
  local policies = {}
  for i, kind in ipairs(kinds) do
    policies[i] = kind { from = opts.from or 2008, to = opts.to, budget = budgets[i], targets = opts.targets and opts.targets[i] }
  end
  -- added to the baseline's own policies, which every split keeps
  return base:with { name = ("%s split %s"):format(base.name, tag), add_policies = policies }
end

-- The objective of a split, to maximise: the measure of its run against the
-- baseline's, or a low quantile of it over an ensemble with fixed draws.
local function objective(opts, where)
  local value = measure(opts, where)
  local base_r
  return function(sc, base)
    if opts.quantile then
      local e = api().ensemble(sc, { n = opts.n or 400, seed = opts.seed or 1, baseline = base, progress = false })
      if opts.output == "npv" or opts.output == "bcr" then return e:economics_quantile(opts.output, opts.quantile) end
      return e:quantile(opts.output or "production_value", opts.year, "total", opts.quantile, "gain")
    end
    base_r = base_r or api().run(base)
    return value(api().run(sc), base_r)
  end
end

-- The per-policy minimums and maximums, checked: each min <= its max, the
-- minimums within the total, the maximums able to take it.
local function bounds(t, k, total, where)
  local mins, maxs, summin, summax = {}, {}, 0, 0
  for i = 1, k do
    mins[i] = t.min and t.min[i] or 0
    maxs[i] = t.max and t.max[i] or total
    check.number_in(mins[i], 0, 1e9, where, { "min", i }, "bn VND a year")
    check.number_in(maxs[i], 0, 1e9, where, { "max", i }, "bn VND a year")
    if mins[i] > maxs[i] then check.fail(where, { "min", i }, "the minimum %g is above the maximum %g", mins[i], maxs[i]) end
    summin, summax = summin + mins[i], summax + maxs[i]
  end
  if summin > total then check.fail(where, { "min" }, "the minimums (%g) exceed the total (%g)", summin, total) end
  if summax < total then check.fail(where, { "max" }, "the maximums (%g) cannot take the total (%g)", summax, total) end
  return mins, maxs
end

local SPLIT_KEYS = check.set { "baseline", "policies", "total", "min", "max", "from", "to", "targets", "output", "year",
                               "quantile", "n", "seed", "grid", "max_iter" }

-- optimize_split{ baseline =, policies = {policy.training, ...}, total =, min = {...}, max = {...},
--                 output = "npv" | "value_added" ..., year =, quantile =, grid = steps }
function M.optimize_split(t)
  local where = check.where()
  check.typed(t, "table", where, {}, "optimize_split")
  check.keys(t, SPLIT_KEYS, where, {}, "optimize_split")
  local base = t.baseline
  if not scenario_mod().is_scenario(base) then check.fail(where, { "baseline" }, "the scenario the policies are added to") end
  local kinds = check.list(t.policies, where, { "policies" }, "the policy kinds (policy.training, ...)")
  local k = #kinds
  if k < 2 then check.fail(where, { "policies" }, "a split needs at least two policies") end
  local total = check.number_in(t.total, 0, 1e9, where, { "total" }, "bn VND a year")
  local mins, maxs = bounds(t, k, total, where)
  local f = objective(t, where)
  local evals = 0
  local function score(y)
    local b = budgets_of(y, k, total, mins)
    local excess = 0
    for i = 1, k do excess = excess + math.max(0, b[i] - maxs[i]) end
    evals = evals + 1
    local v = f(split_scenario(base, kinds, b, t, tostring(evals)), base)
    return -(v - 1e3 * math.abs(v) * excess / math.max(total, 1e-9)) -- maximise; a split over a maximum is penalised
  end
  local y0, step = {}, {}
  for i = 1, k - 1 do y0[i], step[i] = 0, 1 end
  local y, fy, iterations, converged = core.minimize(score, y0, step, { max_iter = t.max_iter or 200, tol = 1e-4 })
  local best = budgets_of(y, k, total, mins)
  -- converged false: the iterations ran out (a minimum that binds puts the optimum at an infinite score)
  local out = { budgets = best, value = -fy, evaluations = evals, iterations = iterations, converged = converged, names = {} }
  for i, kind in ipairs(kinds) do out.names[i] = kind.name end
  if t.grid and k <= 3 then out.grid = M.split_grid(base, kinds, total, mins, t, f, t.grid) end
  return out
end

-- The objective over a grid of splits (k = 2: the share of the first; k = 3:
-- a triangle of shares), for plotting.
function M.split_grid(base, kinds, total, mins, opts, f, steps)
  local spare = total
  for i = 1, #kinds do spare = spare - mins[i] end
  local rows = {}
  for a = 0, steps do
    for b = 0, (#kinds == 3 and steps - a or 0) do
      local s1 = a / steps
      local s2 = #kinds == 3 and b / steps or (1 - s1)
      local shares = { s1, s2, #kinds == 3 and math.max(0, 1 - s1 - s2) or nil } -- no −1e-17 from round-off
      local budgets = {}
      for i = 1, #kinds do budgets[i] = mins[i] + spare * shares[i] end
      rows[#rows + 1] = { budgets = budgets, value = f(split_scenario(base, kinds, budgets, opts, ("grid %d %d"):format(a, b)), base) }
    end
  end
  return rows
end

-- budget_for_target{ baseline =, policies = {...}, target = target.avg_growth{...}, probability = 0.9,
--                    max_total =, n =, seed =, tol =, min =, max = }: the smallest total budget a year (bisection
-- between the minimums' sum and the smaller of max_total and the maximums' sum) whose split meets the target
-- with at least that probability over an ensemble. At each total the split is the one maximising the
-- central run's gain in the target's variable in its last year (the target's sector's gain when it names
-- one is still measured on the total), not the probability itself: that would need an ensemble per step.
local function target_chance(t, base, kinds)
  local function prob(sc)
    local s = sc:with { name = sc.name .. " target", targets = { t.target } }
    return api().ensemble(s, { n = t.n or 300, seed = t.seed or 1, progress = false }):targets()[1].p_met
  end
  return function(total)
    if #kinds == 1 then return prob(split_scenario(base, kinds, { total }, t, "only")), { total } end
    local r = M.optimize_split { baseline = base, policies = kinds, total = total, from = t.from, to = t.to, targets = t.targets,
                                 min = t.min, max = t.max, max_iter = 60, output = t.target.var, year = t.target.year1 }
    return prob(split_scenario(base, kinds, r.budgets, t, "best")), r.budgets
  end
end

function M.budget_for_target(t)
  local where = check.where()
  check.typed(t, "table", where, {}, "budget_for_target")
  check.keys(t, check.set { "baseline", "policies", "target", "probability", "max_total", "n", "seed", "tol", "from", "to",
                            "targets", "min", "max" }, where, {}, "budget_for_target")
  local base = t.baseline
  if not scenario_mod().is_scenario(base) then check.fail(where, { "baseline" }, "the scenario the policies are added to") end
  local kinds = check.list(t.policies, where, { "policies" }, "the policy kinds")
  local observe = require "indsim.observe"
  if not observe.is_target(t.target) then check.fail(where, { "target" }, "a plan target (target.avg_growth{...})") end
  local p = check.number_in(t.probability or 0.9, 0.01, 0.999, where, { "probability" })
  local max_total = check.number_in(t.max_total or 5000, 1, 1e9, where, { "max_total" }, "bn VND a year")
  local lo, summax = 0, 0
  for i = 1, #kinds do
    lo, summax = lo + (t.min and t.min[i] or 0), summax + (t.max and t.max[i] or max_total)
  end
  local hi = math.min(max_total, summax)
  if lo > hi then check.fail(where, { "min" }, "the minimums (%g) exceed the largest total (%g)", lo, hi) end
  local chance = target_chance(t, base, kinds)
  local p_hi, b_hi = chance(hi)
  if p_hi < p then return { reached = false, probability = p_hi, total = hi, budgets = b_hi } end
  if lo == 0 then
    local p0 = api().ensemble(base:with { name = base.name .. " target", targets = { t.target } },
                              { n = t.n or 300, seed = t.seed or 1, progress = false }):targets()[1].p_met
    if p0 >= p then return { reached = true, total = 0, probability = p0, budgets = {} } end
  else
    local p_lo, b_lo = chance(lo)
    if p_lo >= p then return { reached = true, total = lo, probability = p_lo, budgets = b_lo } end
  end
  local tol = t.tol or math.max(1, hi * 0.01)
  while hi - lo > tol do
    local mid = 0.5 * (lo + hi)
    local pm, bm = chance(mid)
    if pm >= p then hi, p_hi, b_hi = mid, pm, bm else lo = mid end
  end
  return { reached = true, total = hi, probability = p_hi, budgets = b_hi }
end

return M
