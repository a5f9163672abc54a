-- charts.lua — the what-if charts: plot.ranking (horizontal bars with error
-- bars), plot.tornado and plot.sobol (a sensitivity() result), plot.waterfall
-- (an attribution() result) and plot.economics (the cumulative net present
-- value of economics() results). Templates plots/{ranking,tornado,waterfall}.gp.
local core = require "indsim.core"
local check = require "indsim.check"
local api = require "indsim.api"
local options = require "indsim.options"
local words = require "indsim.words"

local M = {}

local function num(v) return type(v) == "number" and v or nil end

local NAN = 0 / 0
local function gap(v) return num(v) or NAN end -- a missing value: a gap in the chart

-- plot.ranking{ labels = {...}, series = { {name =, values = {...}, lo = {...},
--               hi = {...}}, ... }, title =, xlabel =, file = }: horizontal
-- bars, one row per label (top to bottom as given), the series side by side,
-- optional error bars from lo to hi; nil values are gaps.
function M.ranking(t)
  local where = check.where()
  check.typed(t, "table", where, {}, "plot.ranking")
  check.keys(t, check.set { "labels", "series", "title", "xlabel", "file" }, where, {}, "plot.ranking")
  local labels = check.list(t.labels, where, { "labels" }, "the rows' names")
  local series = {}
  for s, ser in ipairs(check.list(t.series, where, { "series" }, "the series")) do
    check.typed(ser, "table", where, { "series", s }, "a series")
    check.keys(ser, check.set { "name", "values", "lo", "hi" }, where, { "series", s }, "a series")
    local out = { name = ser.name and tostring(ser.name) or nil, values = {}, lo = ser.lo and {}, hi = ser.hi and {} }
    for c = 1, #labels do
      out.values[c] = gap(ser.values[c])
      if ser.lo then out.lo[c] = gap(ser.lo[c]) end
      if ser.hi then out.hi[c] = gap(ser.hi[c]) end
    end
    series[s] = out
  end
  local dir, stem, po = api.plot_begin(t.file, "ranking")
  if not dir then return false end
  local ok, msg = core.plot_ranking(dir, stem, { title = t.title, ylabel = t.xlabel, labels = labels, series = series }, po)
  return api.plot_done(ok, msg, dir, stem, po.format)
end

-- An output's name on a chart: the economics ones in words (a pair of
-- texts), any other ("value_added total 2015") as it is.
local function output_title(label) return words.pair("out_" .. label) or label end
local function output_text(label)
  return words.pair("out_" .. label) and words.chart("out_" .. label) or label
end

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

-- plot.tornado(sens, {output = 1, file =, title =}): each number's swing of
-- the output, set to its low and then its high value, around the output at
-- the medians; the 20 widest swings, widest on top.
function M.tornado(res, opts)
  local k, order
  opts, k, order = sens_args(res, opts, "oat", "plot.tornado", math.huge)
  local labels, low, high = {}, {}, {}
  for j, i in ipairs(order) do labels[j], low[j], high[j] = res.inputs[i], gap(res.lo[k][i]), gap(res.hi[k][i]) end
  local dir, stem, po = api.plot_begin(opts.file or "sensitivity/tornado.png", "tornado")
  if not dir then return false end
  local ok, msg = core.plot_tornado(dir, stem, {
    title = opts.title or words.chart_title("tornado_title", output_title(res.outputs[k]), res.name),
    xlabel = output_text(res.outputs[k]), labels = labels, center = res.center[k], low = low, high = high }, po)
  return api.plot_done(ok, msg, dir, stem, po.format)
end

-- plot.sobol(sens, {output = 1, top = 20, file =, title =}): first- and
-- total-order indices with their bootstrap intervals, the largest total first.
function M.sobol(res, opts)
  local k, order
  opts, k, order = sens_args(res, opts, "sobol", "plot.sobol", 20)
  local function series(label, v, vlo, vhi)
    local s = { name = core.plot_label(label, options.lang), values = {}, lo = {}, hi = {} }
    for j, i in ipairs(order) do s.values[j], s.lo[j], s.hi[j] = num(v[k][i]), num(vlo[k][i]), num(vhi[k][i]) end
    return s
  end
  local labels = {}
  for j, i in ipairs(order) do labels[j] = res.inputs[i] end
  return M.ranking {
    title = opts.title or words.chart_title("sobol_title", output_title(res.outputs[k]), res.name, res.n,
      res.random_points and words.pair("pseudo_random") or "", math.floor(100 * res.level + 0.5)),
    xlabel = core.plot_label("sobol_index", options.lang), labels = labels,
    series = { series("sobol_first", res.s1, res.s1_lo, res.s1_hi), series("sobol_total", res.st, res.st_lo, res.st_hi) },
    file = opts.file or "sensitivity/sobol.png",
  }
end

-- What an attribution measured, in the charts' language: an economics figure,
-- or the gain in a variable in a year with the variable's unit.
local function measured_text(attr)
  if words.pair("out_" .. tostring(attr.output)) then return words.chart("out_" .. attr.output) end
  local name, unit = core.var_texts(attr.output or "", attr.basis)
  if not name then return attr.label end
  return words.chart("gain_in", name, attr.year, unit)
end

-- plot.waterfall(attr, {by = "alone"|"shapley", file =, title =, ylabel =}): a
-- waterfall to the package's gain: each policy's gain alone, then the
-- interaction (default); or each policy's Shapley share (they add up to it).
function M.waterfall(attr, opts)
  local where = check.where()
  if type(attr) ~= "table" or not attr.shares then check.fail(where, {}, "plot.waterfall expects the result of attribution()") end
  opts = opts or {}
  check.keys(opts, check.set { "by", "file", "title", "ylabel" }, where, {}, "plot.waterfall's options")
  local by = opts.by or "alone"
  if by ~= "alone" and by ~= "shapley" then check.fail(where, { "by" }, "'%s': alone or shapley", tostring(by)) end
  local labels, values = {}, {}
  for i, p in ipairs(attr.shares) do labels[i], values[i] = p.name, by == "alone" and p.alone or p.value end
  local dir, stem, po = api.plot_begin(opts.file, by == "alone" and "attribution" or "attribution_shapley")
  if not dir then return false end
  local ok, msg = core.plot_waterfall(dir, stem, {
    title = opts.title or (by == "alone" and words.chart_title("alone_title")
                           or words.chart_title("shapley_title", attr.exact and "" or words.pair("sampled_orders"))),
    ylabel = opts.ylabel or measured_text(attr), labels = labels, values = values,
    interaction = by == "alone" and attr.interaction or nil }, po)
  return api.plot_done(ok, msg, dir, stem, po.format)
end

-- plot.economics(list of economics() results, {file =, title =, bands =}):
-- each scenario's cumulative discounted net benefit by year (where it crosses
-- zero is the payback year); bands: the matching e:economics_years() results,
-- drawn as shaded 5-95 % bands.
function M.economics(list, opts)
  local where = check.where()
  check.list(list, where, {}, "a list of economics() results")
  opts = opts or {}
  check.keys(opts, check.set { "file", "title", "bands" }, where, {}, "plot.economics's options")
  local bands = opts.bands
  if bands ~= nil then
    check.list(bands, where, { "bands" }, "a list of e:economics_years() results")
    if #bands == 0 then bands = nil end
  end
  local series = {}
  for i, e in ipairs(list) do
    if type(e) ~= "table" or not e.years then check.fail(where, { i }, "an economics() result") end
    local x, y = {}, {}
    for j, row in ipairs(e.years) do x[j], y[j] = row.year, row.npv_cumulative end
    series[i] = { name = e.name or ("scenario " .. i), x = x, y = y, n = #x }
    local band = bands and bands[i]
    if band then -- the 5-95 % band of the cumulative NPV, matched by year
      local lo, hi, at = {}, {}, {}
      check.list(band, where, { "bands", i }, "an e:economics_years() result")
      for j, b in ipairs(band) do
        if type(b) ~= "table" or math.type(rawget(b, "year")) ~= "integer" then
          check.fail(where, { "bands", i, j }, "a year of e:economics_years(): { year = , q05 = , q95 = , ... }")
        end
        at[b.year] = { q05 = num(rawget(b, "q05")), q95 = num(rawget(b, "q95")) }
      end
      for j, year in ipairs(x) do lo[j], hi[j] = at[year] and at[year].q05, at[year] and at[year].q95 end
      series[i].lo, series[i].hi = lo, hi
    end
  end
  return api.plot.lines {
    title = opts.title or words.chart_title(bands and "cumulative_npv_band_title" or "cumulative_npv_title"),
    xlabel = core.plot_label("year", options.lang), ylabel = words.money(list[1].basis), series = series,
    file = opts.file or "economics.png",
  }
end

return M
