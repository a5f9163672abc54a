-- budget_split.lua — one yearly budget, two or three measures: how should the
-- city split it, and how much is needed at all?
--  1. optimize_split finds the split of TOTAL bn VND a year (from-to, 2008-2015) that
--     maximises the objective, within min/max per policy, and prints it; the
--     objective over a grid of splits is printed and plotted (budget_split.png:
--     with two policies against the share of the first; with three, one line per
--     share of the second against the share of the first), the optimum marked.
--  2. budget_for_target finds the smallest total (and its split) whose best
--     split meets a plan target with probability P, up to max_total.
--   indsim script scripts/budget_split.lua [TOTAL [POLICY POLICY [POLICY]]] [KEY=VALUE ...]
-- defaults: 300 training industrial_zones. KEY=VALUE:
--   objective=va    va: gain in value added in `year` (central run); npv: net present value;
--                   low: the `quantile` of the value-added gain in `year` over `n` draws
--   from=2008  to=2015     the years the budget is spent (to: the last, inclusive)
--   year=2015  quantile=0.1  n=100  steps=10 (grid points per policy share)
--   min=50,0  max=200,300     bn VND a year per policy, in the order given
--   target=13  target_var=value_added  target_years=2006,2010   average growth in %/yr
--                   (the Hanoi plan, QĐ 113/2006: production value 15, value added 12-13;
--                   the baseline meets 15 and 12 already with P > 0.9, so 13 is the default)
--   p=0.9  max_total=2000  target_n=500 (draws per probability)  tol=2 (bn VND a year)
-- e.g. indsim script scripts/budget_split.lua 500 training tech_renewal business_env objective=npv max=,,40
--      indsim script scripts/budget_split.lua 300 training industrial_zones objective=low target=14
-- With three policies only the 10 best grid points within min/max are printed.
local t_start = os.clock()


local DEFAULTS = { objective = "va", from = "2008", to = "2015", year = "2015", quantile = "0.1", n = "100", steps = "10", min = "", max = "",
                   target = "13", target_var = "value_added", target_years = "2006,2010", p = "0.9",
                   max_total = "2000", target_n = "500", tol = "2" }
local OBJECTIVES = { va = true, npv = true, low = true }

local function number(key, text, lo, hi, whole)
  local v = tonumber(text)
  if whole then v = math.tointeger(v) end
  if not v or v < lo or v > hi then
    error(("%s = '%s': expected %s in %g..%g"):format(key, tostring(text), whole and "a whole number" or "a number", lo, hi))
  end
  return v
end

-- "50,,20" -> { 50, nil, 20 } for k policies (an empty entry: no bound).
local function per_policy(key, text, k)
  if text == "" then return nil end
  local out, i = {}, 0
  for item in (text .. ","):gmatch("([^,]*),") do
    i = i + 1
    if i > k then error(("%s = '%s': %d values at most, one per policy"):format(key, text, k)) end
    if item ~= "" then out[i] = number(key, item, 0, 1e9) end
  end
  return out
end

local function parse_args()
  local opts, words = {}, {}
  for k, v in pairs(DEFAULTS) do opts[k] = v end
  for _, a in ipairs(arg) do
    local k, v = a:match("^([%w_]+)=(.*)$")
    if k then
      if DEFAULTS[k] == nil then
        local keys = {}
        for name in pairs(DEFAULTS) do keys[#keys + 1] = name end
        table.sort(keys)
        error(("unknown option '%s' (options: %s)"):format(k, table.concat(keys, ", ")))
      end
      opts[k] = v
    else
      words[#words + 1] = a
    end
  end
  local a = {
    total = number("TOTAL", words[1] or "300", 0, 1e9),
    objective = opts.objective, year = number("year", opts.year, 1800, 2300, true),
    from = number("from", opts.from, 1800, 2300), to = number("to", opts.to, 1800, 2300, true),
    quantile = number("quantile", opts.quantile, 0.001, 0.999), n = number("n", opts.n, 1, 1e6, true),
    steps = number("steps", opts.steps, 1, 100, true), p = number("p", opts.p, 0.01, 0.999),
    max_total = number("max_total", opts.max_total, 1, 1e9), target_n = number("target_n", opts.target_n, 1, 1e6, true),
    tol = number("tol", opts.tol, 0.001, 1e9),
    target_pct = number("target", opts.target, -100, 1e4), target_var = opts.target_var,
    names = {}, kinds = {},
  }
  if not OBJECTIVES[a.objective] then error(("objective = '%s': va, npv or low"):format(a.objective)) end
  if a.target_var ~= "value_added" and a.target_var ~= "production_value" then
    error(("target_var = '%s': value_added or production_value"):format(a.target_var))
  end
  local y1, y2 = opts.target_years:match("^(%d+),(%d+)$")
  if not y1 then error(("target_years = '%s': FIRST,LAST, e.g. 2006,2010"):format(opts.target_years)) end
  a.target_years = { math.tointeger(tonumber(y1)), math.tointeger(tonumber(y2)) }
  for i = 2, #words do a.names[#a.names + 1] = words[i] end
  if #a.names == 0 then a.names = { "training", "industrial_zones" } end
  if #a.names < 2 or #a.names > 3 then
    error(("give two or three policies after TOTAL, got %d (%s)"):format(#a.names, table.concat(a.names, " ")))
  end
  for i, name in ipairs(a.names) do a.kinds[i] = policy.get(name) end
  a.min, a.max = per_policy("min", opts.min, #a.names), per_policy("max", opts.max, #a.names)
  return a
end

local a = parse_args()
local base = scenario.load "hanoi/baseline"
local k = #a.names
-- the money basis of an NPV, as economics() names it ("bn VND at 2007 prices")
local money = economics(base:with { name = "basis probe", add_policies = { a.kinds[1] { from = a.from, to = a.to, budget = 1 } } },
                        { baseline = base }).basis:match("^(.-),") or "bn VND"

local function objective_label()
  if a.objective == "npv" then return "net present value (" .. money .. ")" end
  local what = ("gain in value added %d (bn VND, %s)"):format(a.year, base.report.basis or "constant prices")
  if a.objective == "low" then return ("%g %% quantile over %d draws of the %s"):format(100 * a.quantile, a.n, what) end
  return what
end

-- The same in Vietnamese, for the chart (its title and labels are "vi / en").
local function objective_label_vi()
  local function prices(text) local y = (text or ""):match("%d%d%d%d") return y and ("giá " .. y) or "giá cố định" end
  if a.objective == "npv" then return ("giá trị hiện tại ròng (tỷ đồng, %s)"):format(prices(money)) end
  local what = ("mức tăng giá trị tăng thêm năm %d (tỷ đồng, %s)"):format(a.year, prices(base.report.basis))
  if a.objective == "low" then return ("phân vị %g %% qua %d lượt của %s"):format(100 * a.quantile, a.n, what) end
  return what
end

-- optimize_split's options for the objective chosen.
local function split_options(grid)
  local t = { baseline = base, policies = a.kinds, total = a.total, min = a.min, max = a.max, grid = grid,
              from = a.from, to = a.to }
  if a.objective == "npv" then t.output = "npv"
  else t.output, t.year = "value_added", a.year end
  if a.objective == "low" then t.quantile, t.n = a.quantile, a.n end
  return t
end

local function budgets_text(budgets)
  local parts = {}
  for i, b in ipairs(budgets) do parts[i] = ("%s %.0f"):format(a.names[i], b) end
  return table.concat(parts, ", ")
end

local function within_bounds(budgets)
  for i, b in ipairs(budgets) do
    if a.min and a.min[i] and b < a.min[i] - 1e-6 then return false end
    if a.max and a.max[i] and b > a.max[i] + 1e-6 then return false end
  end
  return true
end

-- 1. The best split, and the objective over the grid.
local steps = a.steps
print(("Splitting %g bn VND a year (%g-%d) among %s; objective: %s"):format(a.total, a.from, a.to,
      table.concat(a.names, ", "), objective_label()))
local best = optimize_split(split_options(steps))
print(("Best split: %s bn VND a year -> %.1f   (%d runs%s, %d iterations)"):format(budgets_text(best.budgets), best.value,
      best.evaluations, a.objective == "low" and (" of %d draws"):format(a.n) or "", best.iterations))
if best.converged == false then print("  (the optimiser ran out of iterations: a bound that binds, or a flat objective)") end
if not within_bounds(best.budgets) then print("  (outside the min/max given: the optimiser's penalty did not hold it in)") end

local header, widths = {}, {}
for i, name in ipairs(a.names) do widths[i] = math.max(10, #name); header[i] = ("%" .. widths[i] .. "s"):format(name) end
-- The grid as printed: every point for two policies; the best ten for three.
local shown = {}
for _, row in ipairs(best.grid) do
  if k == 2 or within_bounds(row.budgets) then shown[#shown + 1] = row end
end
if k == 3 then
  local inside = #shown
  table.sort(shown, function(x, y) return x.value > y.value end)
  for i = #shown, 11, -1 do shown[i] = nil end
  print(("The %d best of the %d grid points within min/max (%d in all, in steps of %g %% of the total):"):format(#shown, inside,
        #best.grid, 100 / steps))
end
print(("%s %14s"):format(table.concat(header, " "), "objective"))
for _, row in ipairs(shown) do
  local cells = {}
  for i, b in ipairs(row.budgets) do cells[i] = ("%" .. widths[i] .. ".0f"):format(b) end
  print(("%s %14.1f%s"):format(table.concat(cells, " "), row.value, within_bounds(row.budgets) and "" or "  (outside min/max)"))
end

-- The grid keeps min= (it splits what is left above the minimums) but not max=: points
-- above a maximum are drawn too (the table marks them), showing what the bound costs.
local function pct(b) return 100 * b / math.max(a.total, 1e-9) end

local series, xlabel
if k == 2 then
  local x, y, lo_v = {}, {}, math.huge
  for j, row in ipairs(best.grid) do x[j], y[j], lo_v = pct(row.budgets[1]), row.value, math.min(lo_v, row.value) end
  series = { { name = "grid", x = x, y = y } }
  xlabel = ("Phần dành cho %s (%%) / Share to %s (%% of the total; the rest to %s)"):format(a.names[1], a.names[1], a.names[2])
  series[2] = { name = ("optimum: %.0f %% to %s"):format(pct(best.budgets[1]), a.names[1]),
                x = { pct(best.budgets[1]), pct(best.budgets[1]) }, y = { lo_v, best.value } }
else
  -- one line per share of the second policy, against the share of the first: the legend
  -- (top left) then sits over the splits that give the first policy little
  local lines, order = {}, {}
  for _, row in ipairs(best.grid) do
    local key = ("%.0f"):format(pct(row.budgets[2]))
    if not lines[key] then lines[key] = { name = ("%s %s %%"):format(a.names[2], key), x = {}, y = {} }; order[#order + 1] = key end
    local l = lines[key]
    l.x[#l.x + 1], l.y[#l.x + 1] = pct(row.budgets[1]), row.value
  end
  series = {}
  for i, key in ipairs(order) do series[i] = lines[key] end
  xlabel = ("Phần dành cho %s (%%; mỗi đường một phần cho %s; còn lại cho %s) / Share to %s (%% of the total; one line per share to %s; the rest to %s)")
           :format(a.names[1], a.names[2], a.names[3], a.names[1], a.names[2], a.names[3])
  series[#series + 1] = { name = ("optimum: %.0f / %.0f / %.0f %%"):format(pct(best.budgets[1]), pct(best.budgets[2]),
                                                                         pct(best.budgets[3])),
                          x = { pct(best.budgets[1]) }, y = { best.value } }
end
if a.max then xlabel = xlabel .. " (lưới không xét max= / the grid ignores max=)" end
plot.lines {
  series = series,
  title = ("Chia ngân sách / Budget split: %g bn VND/yr, %s"):format(a.total, table.concat(a.names, " / ")),
  xlabel = xlabel, ylabel = objective_label_vi() .. "\n" .. objective_label(), file = "budget_split.png",
}
print("Plot: " .. output_dir() .. "/budget_split.png")

-- 2. The reverse question: the smallest total that meets the target with probability p.
local tg = target.avg_growth { years = a.target_years, pct = a.target_pct, var = a.target_var }
local tg_label = ("average growth of %s %d-%d >= %g %%/yr"):format(a.target_var:gsub("_", " "), a.target_years[1],
                                                                  a.target_years[2], a.target_pct)
local e0 = ensemble(base:with { name = "baseline with the target", targets = { tg } }, { n = a.target_n, progress = false })
print(("\nTarget: %s with probability >= %g (%d draws per probability). The baseline alone: P = %.2f"):format(tg_label, a.p,
      a.target_n, e0:targets()[1].p_met))
-- (budget_for_target searches between the minimums' sum and the smaller of max_total and the maximums' sum)
local need = budget_for_target { baseline = base, policies = a.kinds, target = tg, probability = a.p,
                                 max_total = a.max_total, n = a.target_n, tol = a.tol, min = a.min, max = a.max,
                                 from = a.from, to = a.to }
if not need.reached then
  print(("Not reachable within %g bn VND a year: at that total the best split (%s) gives P = %.2f"):format(need.total,
        budgets_text(need.budgets), need.probability))
elseif #need.budgets == 0 then
  print(("Reachable without any budget: the baseline meets it with P = %.2f"):format(need.probability))
else
  print(("Smallest total: %.0f bn VND a year (%s), P = %.2f (bisection to %g bn VND)"):format(need.total,
        budgets_text(need.budgets), need.probability, a.tol))
end
print(("Done in %.1f s of CPU"):format(os.clock() - t_start))
