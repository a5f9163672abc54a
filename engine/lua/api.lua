-- api.lua — what scenario and script files call: run, compare, write and the
-- plot functions. Results are the C result objects (r:get, r:series,
-- r:observations, r.name ...). Outputs go under options.out.
local core = require "indsim.core"
local check = require "indsim.check"
local options = require "indsim.options"
local scenario = require "indsim.scenario"
local manifest = require "indsim.manifest"

local M = {}
local scenario_of = setmetatable({}, { __mode = "k" })  -- result -> scenario object

local function warn_once(msg)
  if options.warned[msg] then return end
  options.warned[msg] = true
  io.stdout:flush(); io.stderr:write("warning: ", msg, "\n")
end
M.warn_once = warn_once

local function is_result(v) return type(v) == "userdata" and tostring(v):match("^indsim result") ~= nil end

-- run(scenario) -> result; run{ s1, s2, ... } -> { r1, r2, ... }
function M.run(sc)
  if type(sc) == "table" and not scenario.is_scenario(sc) then
    local out = {}
    for i, s in ipairs(sc) do out[i] = M.run(s) end
    return out
  end
  if not scenario.is_scenario(sc) then
    check.fail(check.where(), {}, "run expects a scenario (or a list of them), got %s", type(sc))
  end
  local r = core.run(sc:spec(options.lang))
  scenario_of[r] = sc
  manifest.scenario(sc)
  if r.warnings ~= "" then
    for line in r.warnings:gmatch("[^\n]+") do warn_once(("%s: %s"):format(r.name, line)) end
  end
  return r
end

function M.scenario_of(r) return scenario_of[r] end

-- Results for a list of scenarios or results (running what needs it).
local function results_of(list)
  local out = {}
  for i, x in ipairs(list) do out[i] = is_result(x) and x or M.run(x) end
  return out
end

local function index_of(results, baseline)
  if baseline == nil then return 1 end
  if baseline == false then return 0 end
  if math.type(baseline) == "integer" then
    if baseline < 1 or baseline > #results then
      check.fail(check.where(), { "baseline" }, "baseline %d: there are %d scenarios", baseline, #results)
    end
    return baseline
  end
  for i, r in ipairs(results) do if r.name == baseline then return i end end
  check.fail(check.where(), { "baseline" }, "no scenario called '%s' among those compared", tostring(baseline))
end

local function check_opts(opts, allowed, what)
  if opts == nil then return {} end
  local where = check.where()
  check.typed(opts, "table", where, {}, what .. "'s options")
  check.keys(opts, check.set(allowed), where, {}, what .. "'s options")
  return opts
end

local function distinct_names(results)
  local seen = {}
  for _, r in ipairs(results) do
    if seen[r.name] then check.fail(check.where(), {}, "two scenarios are called '%s': give each its own name", r.name) end
    seen[r.name] = true
  end
end

function M.dir_of(r)
  local dir = options.out .. "/" .. core.safe_name(r.name)
  core.mkdir(dir)
  return dir
end

-- write(result): annual.csv and fit.csv in out/<name>/; returns the folder.
function M.write(r)
  local dir = M.dir_of(r)
  core.write_csv(r, dir, options.bom)
  manifest.output(dir .. "/annual.csv")
  if #r:observations() > 0 then manifest.output(dir .. "/fit.csv") end
  return dir
end

-- The years a summary shows: the scenario's report.years, else 2010, 2015,
-- ..., 2030 within the period, else its last year.
function M.report_years_of(sc)
  if sc.report.years then return sc.report.years end
  local years = {}
  for _, y in ipairs { 2010, 2015, 2020, 2025, 2030 } do if y > sc.period[1] and y <= sc.period[2] then years[#years + 1] = y end end
  return #years > 0 and years or { sc.period[2] }
end

local function report_years(results)
  local sc = scenario_of[results[1]]
  if sc then return M.report_years_of(sc) end
  local first, last = results[1].first_year, results[1].last_year
  local years = {}
  for _, y in ipairs { 2010, 2015, 2020, 2025, 2030 } do if y > first and y <= last then years[#years + 1] = y end end
  if #years == 0 then years = { last } end
  return years
end

local function basis(results)
  local sc = scenario_of[results[1]]
  return sc and sc.report.basis or "constant prices"
end

-- compare{ baseline, other, ... } prints the summary table and returns the
-- results and, per scenario, the gain over the baseline in each report year.
function M.compare(list, opts)
  opts = check_opts(opts, { "baseline", "years", "print" }, "compare")
  local results = results_of(list)
  distinct_names(results)
  local b = index_of(results, opts.baseline)
  local years = opts.years or report_years(results)
  for _, y in ipairs(years) do
    for _, r in ipairs(results) do
      if math.type(y) ~= "integer" or y < r.first_year or y > r.last_year then
        check.fail(check.where(), { "years" }, "year %s is outside the period %d-%d of '%s'", tostring(y), r.first_year, r.last_year, r.name)
      end
    end
  end
  if opts.print ~= false then
    io.write(core.summary_text(results, b, years, basis(results), options.lang))
  end
  local gains = {}
  if b > 0 then
    for _, r in ipairs(results) do
      gains[r.name] = {}
      for _, y in ipairs(years) do
        local base = results[b]:get("production_value", y)
        local v = r:get("production_value", y)
        gains[r.name][y] = { abs = v - base, pct = 100 * (v / base - 1) }
      end
    end
  end
  return results, gains
end

local function plot_opts()
  local dir = options.plots_dir
  if not dir then
    local f = io.open("plots/projection.gp", "rb")
    if f then f:close(); dir = "plots" end
  end
  return { format = options.format, lang = options.lang, template_dir = dir, gnuplot = options.gnuplot }
end

local function plot_done(ok, msg, dir, stem, format)
  manifest.output(dir .. "/" .. stem .. ".gp")
  if ok then manifest.output(dir .. "/" .. stem .. "." .. format) end
  if not ok then
    local missing = msg:match("^gnuplot not found %b()")
    if missing then
      warn_once(missing .. ": plots not rendered; CSV files, tables and the .gp scripts are written (render them later with `gnuplot FILE.gp`)")
    else
      warn_once(msg)
    end
  end
  return ok
end

-- Splits "sub/name.svg" into folder (under options.out), stem and format.
local function target(file, default_stem)
  file = file or default_stem
  local where = check.where()
  check.typed(file, "string", where, { "file" }, "a file name")
  if file:sub(1, 1) == "/" or file:find("%.%.") then
    check.fail(where, { "file" }, "'%s': plots go inside the output folder; give a relative name without '..'", file)
  end
  local dir, base = file:match("^(.*)/([^/]*)$")
  base = base or file
  local stem, ext = base:match("^(.*)%.(%w+)$")
  if ext and ext ~= "png" and ext ~= "svg" then
    check.fail(where, { "file" }, "'%s': plots are .png or .svg", file)
  end
  stem = stem or base
  dir = dir and (options.out .. "/" .. dir) or options.out
  core.mkdir(dir)
  return dir, stem, ext
end

-- ensemble(scenario, {n =, seed =, threads =, baseline = scenario, progress =})
-- Draws n times; with a baseline (none unless given) the gains are computed
-- draw by draw with the same values (common random numbers). Plan targets
-- come from the scenario's targets.
function M.ensemble(sc, opts)
  local where = check.where()
  if not scenario.is_scenario(sc) then check.fail(where, {}, "ensemble expects a scenario, got %s", type(sc)) end
  opts = check_opts(opts, { "n", "seed", "threads", "baseline", "progress", "alpha" }, "ensemble")
  local n = opts.n or options.n or 1000
  if opts.alpha ~= nil then check.number_in(opts.alpha, 0.001, 0.05, where, { "alpha" }, "(relative accuracy of the quantiles)") end
  if math.type(n) ~= "integer" or n < 1 then check.fail(where, { "n" }, "the number of draws must be a whole number >= 1") end
  local base = opts.baseline
  if base == nil then base = false end
  if base and not scenario.is_scenario(base) then check.fail(where, { "baseline" }, "a scenario or false expected") end
  local spec = sc:spec(options.lang)
  local e = core.ensemble(spec, base and base:spec(options.lang) or nil, {
    n = n, seed = opts.seed or options.seed or 1, threads = opts.threads or options.threads or core.ncpus(),
    alpha = opts.alpha, targets = spec.targets,
    progress = opts.progress ~= false and not options.quiet,
  })
  scenario_of[e] = sc
  manifest.scenario(sc)
  if e.failed > 0 then
    warn_once(("%s: %d of %d draws failed and are left out of every statistic; the first: %s"):format(sc.name, e.failed, e.draws, e.failure))
  end
  return e
end

-- write_fan(ensemble): fan.csv (and targets.csv) in out/<name>/
function M.write_fan(e)
  local dir = M.dir_of(e)
  core.write_fan(e, dir, options.bom)
  manifest.output(dir .. "/fan.csv")
  if #e:targets() > 0 then manifest.output(dir .. "/targets.csv") end
  return dir
end

-- The basis every money figure of a cost-benefit is on, named in every table.
-- lang "vi": in Vietnamese (tables on screen); files keep the English one.
function M.econ_basis(sc, lang)
  local e = sc.economics or {}
  local r = e.discount_rate and e.discount_rate.value or 0.10
  if lang == "vi" then
    local prices = e.basis_year and ("giá năm " .. e.basis_year) or (sc.report.basis or "giá cố định")
    return ("tỷ đồng theo %s, chiết khấu về %s với %.1f %%/năm; lợi ích = giá trị tăng thêm trừ đầu tư kéo theo và lợi nhuận chuyển ra nước ngoài, cộng vốn tăng thêm còn lại cuối kỳ; chi phí × MCPF")
           :format(prices, e.base_year and ("năm " .. e.base_year) or "năm đầu có chi phí", 100 * r)
  end
  local prices = e.basis_year and (e.basis_year .. " prices") or (sc.report.basis or "constant prices")
  return ("bn VND at %s, discounted to %s at %.1f %%/yr; benefit = value added net of induced investment and profit outflow, plus the extra capital left at the end; cost × MCPF")
         :format(prices, e.base_year and tostring(e.base_year) or "the first year with a cost", 100 * r)
end

-- economics(result_or_scenario, {baseline = result_or_scenario}) -> the cost-benefit of
-- the scenario against its baseline: years = {...}, pv_benefit, pv_cost, npv, bcr, payback_year.
function M.economics(x, opts)
  local where = check.where()
  opts = check_opts(opts, { "baseline" }, "economics")
  if opts.baseline == nil then check.fail(where, { "baseline" }, "economics needs baseline = (a scenario or its result)") end
  local r = is_result(x) and x or M.run(x)
  local b = is_result(opts.baseline) and opts.baseline or M.run(opts.baseline)
  local out = core.economics(r, b)
  local sc = scenario_of[r]
  out.basis = sc and M.econ_basis(sc) or ""
  out.name = r.name
  return out
end

M.plot = {}

-- For chart modules (charts.lua): where a plot goes and how it is finished.
-- plot_begin(file, default_stem [, dir]) -> dir, stem, plot options; nil when plots are off.
function M.plot_begin(file, default_stem, dir)
  if not options.plots then return nil end
  local po = plot_opts()
  local stem, ext
  if file or not dir then dir, stem, ext = target(file, default_stem) else stem = default_stem end
  po.format = ext or po.format
  return dir, stem, po
end
M.plot_done = plot_done

-- The path of an output file `file` (relative, no '..') under dir (default
-- the output folder), its folder made.
local function output_path(file, dir, what)
  if type(file) ~= "string" or file == "" or file:sub(1, 1) == "/" or file:find("%.%.") then
    check.fail(check.where(), { "file" }, "'%s': %s go inside the output folder; give a relative name without '..'",
               tostring(file), what)
  end
  local path = (dir or options.out) .. "/" .. file
  core.mkdir(path:match("^(.*)/[^/]*$"))
  return path
end

-- write_table(file, columns, rows): a CSV file under the output folder (file
-- relative to it, or a result's folder given as dir), written atomically.
function M.write_table(file, columns, rows, dir)
  local where = check.where()
  check.list(columns, where, { "columns" }, "the column names")
  check.list(rows, where, { "rows" }, "the rows")
  local path = output_path(file, dir, "tables")
  core.write_table(path, columns, rows, options.bom)
  manifest.output(path)
  return path
end

-- write_text(file, text): a text file (a report) under the output folder, written atomically.
function M.write_text(file, text)
  check.typed(text, "string", check.where(), { "text" }, "the text to write")
  local path = output_path(file, nil, "files")
  core.write_text(path, text)
  manifest.output(path)
  return path
end

-- plot.projection(result [, {file = }]): production value and growth with
-- the observed history; by default out/<name>/projection.png.
function M.plot.projection(r, opts)
  opts = check_opts(opts, { "file" }, "plot.projection")
  if not options.plots then return false end
  local po = plot_opts()
  local dir, stem, ext
  if opts.file then dir, stem, ext = target(opts.file) else dir, stem = M.dir_of(r), "projection" end
  po.format = ext or po.format
  local ok, msg = core.plot_projection(r, dir, stem, po)
  return plot_done(ok, msg, dir, stem, po.format)
end

-- plot.compare(runs, {var = "production_value", file = "compare.png", baseline = 1|name|false})
function M.plot.compare(list, opts)
  opts = check_opts(opts, { "var", "file", "baseline" }, "plot.compare")
  if not options.plots then return false end
  local results = results_of(list)
  local po = plot_opts()
  local dir, stem, ext = target(opts.file, "compare")
  po.format = ext or po.format
  local var = opts.var or "production_value"
  if var == "output" then var = "production_value" end
  local ok, msg = core.plot_compare(results, index_of(results, opts.baseline), var, dir, stem, po)
  return plot_done(ok, msg, dir, stem, po.format)
end

-- plot.fan(ensemble [, {set = "level"|"gain"|"gain_pct", sector = "total", file = }]):
-- bands and median; by default out/<name>/fan.png (fan_gain.png for gains).
function M.plot.fan(e, opts)
  opts = check_opts(opts, { "set", "sector", "file" }, "plot.fan")
  local set = opts.set or "level"
  if set ~= "level" and set ~= "gain" and set ~= "gain_pct" then
    check.fail(check.where(), { "set" }, "set '%s': level, gain or gain_pct", tostring(set))
  end
  if set ~= "level" and not e.baseline then
    check.fail(check.where(), { "set" }, "a gain needs an ensemble run with baseline = ...")
  end
  if not options.plots then return false end
  local po = plot_opts()
  local dir, stem, ext
  if opts.file then dir, stem, ext = target(opts.file)
  else dir, stem = M.dir_of(e), set == "level" and "fan" or ("fan_" .. set) end
  po.format = ext or po.format
  local ok, msg = core.plot_fan(e, dir, stem, set, opts.sector or "total", po)
  return plot_done(ok, msg, dir, stem, po.format)
end

-- plot.lines{ x = {...}, series = { {name = , y = {...}}, ... }, title =, xlabel =, ylabel =, file = }
function M.plot.lines(t)
  local where = check.where()
  check.typed(t, "table", where, {}, "plot.lines")
  check.keys(t, check.set { "x", "series", "title", "xlabel", "ylabel", "file" }, where, {}, "plot.lines")
  for i, s in ipairs(type(t.series) == "table" and t.series or {}) do
    if type(s) == "table" then
      check.keys(s, check.set { "name", "x", "y", "n", "lo", "hi" }, where, { "series", i }, "a series")
    end
  end
  check.typed(t.series, "table", where, { "series" }, "a list of series")
  local series = {}
  for i, s in ipairs(t.series) do
    local x = s.x or t.x
    check.typed(x, "table", where, { "series", i, "x" }, "x values")
    check.typed(s.y, "table", where, { "series", i, "y" }, "y values")
    local n = s.n or #x
    if math.type(n) ~= "integer" or n < 0 or n > #x then check.fail(where, { "series", i, "n" }, "n must be a whole number in 0..%d", #x) end
    if not s.n and #s.y > #x then check.fail(where, { "series", i }, "%d x values but %d y values", #x, #s.y) end
    if (s.lo == nil) ~= (s.hi == nil) then check.fail(where, { "series", i }, "a band needs both lo and hi") end
    for _, k in ipairs { "lo", "hi" } do
      if s[k] ~= nil then check.typed(s[k], "table", where, { "series", i, k }, "the band's values, one per x") end
    end
    local name = (type(s.name) == "string" or type(s.name) == "number") and tostring(s.name) or ("series " .. i)
    series[i] = { name = name, x = x, y = s.y, lo = s.lo, hi = s.hi, n = n } -- nil: a gap
  end
  if not options.plots then return false end
  local po = plot_opts()
  local dir, stem, ext = target(t.file, "lines")
  po.format = ext or po.format
  local ok, msg = core.plot_lines(dir, stem, { title = t.title or "", xlabel = t.xlabel or "", ylabel = t.ylabel or "",
                                               series = series }, po)
  return plot_done(ok, msg, dir, stem, po.format)
end

return M
