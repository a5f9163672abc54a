-- charts.lua — the what-if charts, all drawn as horizontal bars (plots/bars.gp)
-- or lines: plot.bars (the general form), plot.tornado and plot.sobol (a
-- sensitivity() result), plot.waterfall (an attribution() result) and
-- plot.economics (the cumulative net present value of economics() results).
local core = require "indsim.core"
local check = require "indsim.check"
local api = require "indsim.api"

local M = {}

local function num(v) return type(v) == "number" and v or nil end

-- plot.bars{ categories = {...}, series = { {name =, lo = {...}, hi = {...},
--            whisker = {lo =, hi =, mid =}}, ... }, reference =, overlay =,
--            title =, subtitle =, xlabel =, file = }: one row per category, top
-- to bottom; series s's bar in category c spans lo[c]..hi[c] (nil: no bar).
function M.bars(t)
  local where = check.where()
  check.typed(t, "table", where, {}, "plot.bars")
  check.keys(t, check.set { "categories", "series", "reference", "overlay", "title", "subtitle", "xlabel", "file" },
             where, {}, "plot.bars")
  local cats = check.list(t.categories, where, { "categories" }, "the categories' names")
  local series = check.list(t.series, where, { "series" }, "the series")
  local names, lo, hi, wlo, whi, wmid = {}, {}, {}, {}, {}, {}
  local whiskers = false
  for s, ser in ipairs(series) do
    check.typed(ser, "table", where, { "series", s }, "a series")
    check.keys(ser, check.set { "name", "lo", "hi", "whisker" }, where, { "series", s }, "a series")
    check.typed(ser.lo, "table", where, { "series", s, "lo" }, "the bars' starts")
    check.typed(ser.hi, "table", where, { "series", s, "hi" }, "the bars' ends")
    names[s] = tostring(ser.name or ("series " .. s))
    local w = ser.whisker
    if w then check.typed(w, "table", where, { "series", s, "whisker" }, "{lo =, hi =, mid =}"); whiskers = true end
    for c = 1, #cats do
      local k = (s - 1) * #cats + c
      lo[k], hi[k] = num(ser.lo[c]), num(ser.hi[c])
      if w then wlo[k], whi[k], wmid[k] = num(w.lo and w.lo[c]), num(w.hi and w.hi[c]), num(w.mid and w.mid[c]) end
    end
  end
  if t.reference ~= nil then check.number_in(t.reference, -math.huge, math.huge, where, { "reference" }) end
  local dir, stem, po = api.plot_begin(t.file, "bars")
  if not dir then return false end
  local spec = { title = t.title or "", subtitle = t.subtitle or "", xlabel = t.xlabel or "", categories = cats,
                 series = names, lo = lo, hi = hi, reference = t.reference, overlay = t.overlay and true or false }
  if whiskers then spec.wlo, spec.whi, spec.wmid = wlo, whi, wmid end
  local ok, msg = core.plot_bars(dir, stem, spec, po)
  return api.plot_done(ok, msg, dir, stem, po.format)
end

local OUTPUT_TITLES = {
  npv = "net present value (bn VND)", bcr = "benefit-cost ratio", pv_benefit = "present value of the benefits (bn VND)",
  pv_cost = "present value of the costs (bn VND)", payback_year = "payback year",
}
local function output_title(label) return OUTPUT_TITLES[label] or label end

local function output_index(res, opts, where)
  local k = opts.output or 1
  if type(k) == "string" then
    for i, label in ipairs(res.outputs) do if label == k then k = i end end
  end
  if math.type(k) ~= "integer" or not res.outputs[k] then
    check.fail(where, { "output" }, "'%s': one of the %d outputs of this sensitivity run", tostring(k), #res.outputs)
  end
  return k
end

local function sens_result(res, method, what)
  local where = check.where()
  if type(res) ~= "table" or res.method ~= method then
    check.fail(where, {}, "%s expects the result of sensitivity(..., {method = \"%s\"})", what, method)
  end
  return where
end

-- The checked arguments of a sensitivity chart: the output's index and the
-- first `top` numbers in order of their effect on it.
local function sens_args(res, opts, method, what, top)
  local where = sens_result(res, method, what)
  opts = opts or {}
  check.keys(opts, check.set { "output", "top", "file", "title" }, where, {}, what .. "'s options")
  local k = output_index(res, opts, where)
  local order = require("indsim.analysis").ranked_inputs(res, k)
  while #order > (opts.top or top) do order[#order] = nil end
  return opts, k, order
end

-- plot.tornado(sens, {output = 1, top = 15, file =, title =}): each number's
-- swing of the output, set to its low and then its high value, around the
-- output at the medians; the widest swing on top.
function M.tornado(res, opts)
  local k, order
  opts, k, order = sens_args(res, opts, "oat", "plot.tornado", 15)
  local center, lo, hi = res.center[k], res.lo[k], res.hi[k]
  local cats, mid, low, high = {}, {}, {}, {}
  for j, i in ipairs(order) do
    cats[j], mid[j], low[j], high[j] = res.inputs[i], center, num(lo[i]), num(hi[i])
  end
  return M.bars {
    title = opts.title or ("Sensitivity of " .. output_title(res.outputs[k]) .. " — " .. res.name),
    subtitle = "one number at a time at its low, then its high quantile; the others at their medians",
    xlabel = output_title(res.outputs[k]), categories = cats, reference = center, overlay = true,
    series = { { name = "number at its low value", lo = mid, hi = low }, { name = "at its high value", lo = mid, hi = high } },
    file = opts.file or ("sensitivity/tornado.png"),
  }
end

-- plot.sobol(sens, {output = 1, top = 20, file =, title =}): first- and
-- total-order indices with their bootstrap intervals, the largest total first.
function M.sobol(res, opts)
  local k, order
  opts, k, order = sens_args(res, opts, "sobol", "plot.sobol", 20)
  local function series(name, v, vlo, vhi)
    local s = { name = name, lo = {}, hi = {}, whisker = { lo = {}, hi = {}, mid = {} } }
    for j, i in ipairs(order) do
      s.lo[j], s.hi[j] = 0, num(v[k][i])
      s.whisker.lo[j], s.whisker.hi[j], s.whisker.mid[j] = num(vlo[k][i]), num(vhi[k][i]), num(v[k][i])
    end
    return s
  end
  local cats = {}
  for j, i in ipairs(order) do cats[j] = res.inputs[i] end
  return M.bars {
    title = opts.title or ("Sobol indices of " .. output_title(res.outputs[k]) .. " — " .. res.name),
    subtitle = ("%d base samples%s; whiskers: %d %% bootstrap intervals"):format(res.n, res.random_points and " (pseudo-random points)" or "",
                                                                             math.floor(100 * res.level + 0.5)),
    xlabel = "share of the output's variance", categories = cats, reference = 0,
    series = { series("first order", res.s1, res.s1_lo, res.s1_hi), series("total order", res.st, res.st_lo, res.st_hi) },
    file = opts.file or "sensitivity/sobol.png",
  }
end

-- plot.waterfall(attr, {file =, title =, xlabel =}): two waterfalls side by
-- side that both end at the package's gain: the policies one by one alone,
-- then the interaction; and the policies' Shapley shares.
function M.waterfall(attr, opts)
  local where = check.where()
  if type(attr) ~= "table" or not attr.shares then check.fail(where, {}, "plot.waterfall expects the result of attribution()") end
  opts = opts or {}
  check.keys(opts, check.set { "file", "title", "xlabel", "name" }, where, {}, "plot.waterfall's options")
  local cats = {}
  local alone = { name = "alone, then the interaction", lo = {}, hi = {} }
  local shapley = { name = "Shapley share", lo = {}, hi = {} }
  local a, s = 0, 0
  for i, p in ipairs(attr.shares) do
    cats[i] = p.name
    alone.lo[i], alone.hi[i], a = a, a + p.alone, a + p.alone
    shapley.lo[i], shapley.hi[i], s = s, s + p.value, s + p.value
  end
  local n = #cats
  cats[n + 1], alone.lo[n + 1], alone.hi[n + 1] = "interaction", a, a + attr.interaction
  cats[n + 2] = "package"
  alone.lo[n + 2], alone.hi[n + 2], shapley.lo[n + 2], shapley.hi[n + 2] = 0, attr.total, 0, attr.total
  return M.bars {
    title = opts.title or ("What each policy adds" .. (opts.name and (" — " .. opts.name) or "")),
    subtitle = attr.exact and "Shapley values over every subset of the policies"
               or "Shapley values estimated over random orders of the policies",
    xlabel = opts.xlabel or attr.label or "gain over the baseline",
    categories = cats, series = { alone, shapley }, reference = 0, file = opts.file or "attribution.png",
  }
end

-- plot.economics(list of economics() results, {file =, title =}): each
-- scenario's cumulative discounted net benefit by year (where it crosses zero
-- is the payback year).
function M.economics(list, opts)
  local where = check.where()
  check.list(list, where, {}, "a list of economics() results")
  opts = opts or {}
  check.keys(opts, check.set { "file", "title" }, where, {}, "plot.economics's options")
  local series = {}
  for i, e in ipairs(list) do
    if type(e) ~= "table" or not e.years then check.fail(where, { i }, "an economics() result") end
    local x, y = {}, {}
    for j, row in ipairs(e.years) do x[j], y[j] = row.year, row.npv_cumulative end
    series[i] = { name = e.name or ("scenario " .. i), x = x, y = y, n = #x }
  end
  return api.plot.lines {
    title = opts.title or "Cumulative net present value against the baseline",
    xlabel = "year", ylabel = list[1].basis and list[1].basis:match("^(.-),") or "bn VND", series = series,
    file = opts.file or "economics.png",
  }
end

return M
