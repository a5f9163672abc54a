-- cli.lua — the commands of the indsim program. main.c parses the command
-- line into a table and calls one of these; they print and write, and raise
-- error objects whose kind main.c turns into the exit code.
local core = require "indsim.core"
require "indsim.prelude"
local loader = require "indsim.loader"
local scenario = require "indsim.scenario"
local register = require "indsim.register"
local api = require "indsim.api"
local options = require "indsim.options"
local manifest = require "indsim.manifest"
local calibration = require "indsim.calibrate"
local costbenefit = require "indsim.costbenefit"
local sensreport = require "indsim.sensreport"
local analysis = require "indsim.analysis"
local words = require "indsim.words"

local M = {}

local function configure(o)
  for _, k in ipairs { "out", "format", "lang", "plots_dir", "gnuplot" } do
    if o[k] ~= nil then options[k] = o[k] end
  end
  if o.no_plots then options.plots = false end
  options.bom = o.bom or false
  options.paths = o.paths or {}
  options.quiet = o.quiet or false
  options.unsafe = o.unsafe or false
  if options.unsafe and not options.warned.unsafe then
    options.warned.unsafe = true
    io.stdout:flush(); io.stderr:write("warning: --unsafe: scenario and script files run without the sandbox, with full access to files and programs\n")
  end
  -- -n, --seed and --threads reach ensemble() in scripts too
  options.n = o.n and math.tointeger(tonumber(o.n)) or nil
  options.seed = o.seed and math.tointeger(tonumber(o.seed)) or nil
  options.threads = o.threads and math.tointeger(tonumber(o.threads)) or nil
end

local function add_scenarios(list, value, origin)
  if scenario.is_scenario(value) then list[#list + 1] = value; return end
  if type(value) == "table" and #value > 0 then
    for _, v in ipairs(value) do add_scenarios(list, v, origin) end
    return
  end
  core.fail("usage", ("%s returned no scenario (a scenario file ends with `return scenario{...}`; " ..
                      "to run an analysis script use `indsim script %s`)"):format(origin, origin))
end

local function load_all(files)
  local list = {}
  if #files == 0 then add_scenarios(list, loader.load_scenario("hanoi/default"), "the built-in Hanoi default") end
  for _, f in ipairs(files) do add_scenarios(list, loader.run_named(f), f) end
  local seen = {}
  for _, sc in ipairs(list) do
    local safe = core.safe_name(sc.name)
    if seen[safe] then
      core.fail("scenario", ("scenarios '%s' and '%s' would share the output folder '%s': rename one"):format(seen[safe], sc.name, safe))
    end
    seen[safe] = sc.name
  end
  return list
end

-- CSV text as written: with --bom, the UTF-8 byte-order mark first.
local function csv_text(text) return (options.bom and "\u{FEFF}" or "") .. text end

local function say(fmt, ...) if not options.quiet then io.stdout:flush(); io.stderr:write(fmt:format(...), "\n") end end

local function write_all(results)
  for _, r in ipairs(results) do
    local dir = api.write(r)
    api.plot.projection(r)
    say("  %-28s -> %s/", r.name, dir)
  end
  if #results > 1 then api.plot.compare(results, { file = "compare" }) end
end

-- indsim run [FILE ...]: simulate, write CSV and plots, print the tables.
local function check_years(years, scenarios)
  for _, y in ipairs(years or {}) do
    for _, sc in ipairs(scenarios) do
      if y < sc.period[1] or y > sc.period[2] then
        core.fail("usage", ("--years: %d is outside the period %d-%d of '%s'"):format(y, sc.period[1], sc.period[2], sc.name))
      end
    end
  end
end

-- The cost-benefit of every scenario after the first against it, with bands
-- from -n draws (default 1000; 0: none).
-- The whole number given as --KEY, in lo..hi, or default when not given.
local function whole(o, key, lo, hi, default)
  local v = o[key]
  if v == nil then return default end
  local n = math.tointeger(tonumber(v))
  if not n or n < lo or n > hi then core.fail("usage", ("--%s wants a whole number in %d..%d, got '%s'"):format(key == "n" and "draws" or key, lo, hi, tostring(v))) end
  return n
end

local function economics(o, scenarios, results)
  if #results < 2 then return end
  local t0 = os.time()
  local rows = costbenefit.evaluate(scenarios, results, {
    n = whole(o, "n", 0, 100000000, 1000), seed = whole(o, "seed", 0, math.maxinteger, 1),
    threads = whole(o, "threads", 1, 256, core.ncpus()) })
  local basis = api.econ_basis(scenarios[2])
  io.write("\n", costbenefit.text(rows, results[1].name, api.econ_basis(scenarios[2], options.lang)))
  costbenefit.write(rows, results[1].name, basis, results)
  costbenefit.plot(rows, results[1].name, basis)
  say("Cost-benefit of %d scenario(s) in %d s", #rows, os.time() - t0)
end

function M.run(o)
  configure(o)
  local scenarios = load_all(o.files)
  check_years(o.years, scenarios)
  local t0 = os.clock()
  local results = {}
  for i, sc in ipairs(scenarios) do results[i] = api.run(sc) end
  say("Simulated %d scenario(s) in %.1f ms of CPU time; writing to %s/", #results, 1000 * (os.clock() - t0), options.out)
  write_all(results)
  api.compare(results, { years = o.years, baseline = #results > 1 and 1 or false })
  economics(o, scenarios, results)
  manifest.write("run", o)
  for _, r in ipairs(results) do
    if #r:observations() > 0 then
      io.write("\n", core.fit_text(r, options.lang))
      break
    end
  end
  return 0
end

local function band(st, fmt)
  if not st or not st.q50 then return "—" end
  return (fmt .. " [" .. fmt .. " – " .. fmt .. "]"):format(st.q50, st.q05, st.q95)
end

-- The Monte Carlo summary: medians and 90 % bands in the report years.
local function mc_table(ensembles, years)
  local t = words.t
  local gains = false
  for _, e in ipairs(ensembles) do gains = gains or e.baseline ~= nil end
  local out = { t("mc_title"):format(ensembles[1].draws, gains and t("mc_gain_over"):format(ensembles[#ensembles].baseline) or "") }
  for _, e in ipairs(ensembles) do
    out[#out + 1] = e.name .. (e.failed > 0 and t("draws_failed"):format(e.failed) or "")
                    .. t("mc_rhs"):format(e.rhs_calls / math.max(1, e.draws))
    for _, y in ipairs(years) do
      local line = t("mc_pv"):format(y, band(e:stats("production_value", y), "%.0f"))
      if e.baseline then line = line .. t("mc_gain"):format(band(e:stats("production_value", y, "total", "gain_pct"), "%+.2f")) end
      out[#out + 1] = line
    end
    for _, g in ipairs(e:targets()) do
      out[#out + 1] = t("mc_target"):format(words.label(g), g.target, g.p_met, g.shortfall)
    end
  end
  return table.concat(out, "\n") .. "\n"
end

-- indsim mc [FILE ...] -n N: ensembles, gains against the first scenario (same draws).
function M.mc(o)
  configure(o)
  local scenarios = load_all(o.files)
  check_years(o.years, scenarios)
  local n = whole(o, "n", 1, 100000000, 1000)
  local seed = whole(o, "seed", 0, math.maxinteger, 1)
  local threads = whole(o, "threads", 1, 256, core.ncpus())
  local ensembles = {}
  for i, sc in ipairs(scenarios) do
    local e = api.ensemble(sc, { n = n, seed = seed, threads = threads, baseline = i > 1 and scenarios[1] or false })
    local dir = api.write_fan(e)
    api.plot.fan(e)
    if e.baseline then api.plot.fan(e, { set = "gain_pct" }) end
    say("  %-28s -> %s/", sc.name, dir)
    ensembles[i] = e
  end
  io.write(mc_table(ensembles, o.years or api.report_years_of(scenarios[1])))
  manifest.write("mc", o)
  return 0
end

-- indsim compare BASE OTHER ...: as run, gains against the first file's scenario.
function M.compare(o)
  if #o.files < 2 then core.fail("usage", "compare needs at least two scenario files (the first is the baseline)") end
  return M.run(o)
end

-- indsim check FILE ...: load and validate, print each assumption register.
function M.check(o)
  configure(o)
  local scenarios = load_all(o.files)
  for _, sc in ipairs(scenarios) do
    core.validate(sc:spec(options.lang))
    io.write(register.text(sc, options.lang), "\n")
  end
  io.stdout:flush(); io.stderr:write(("%d scenario(s) valid\n"):format(#scenarios))
  return 0
end

-- indsim script FILE [ARGS ...]: run an analysis script; arg holds ARGS.
function M.script(o)
  configure(o)
  if not o.files[1] then core.fail("usage", "script needs a file") end
  local arg = { [0] = o.files[1] }
  for i = 2, #o.files do arg[i - 1] = o.files[i] end
  loader.run_named(o.files[1], { arg = arg })
  manifest.write("script", o)
  return 0
end

-- indsim calibrate FILE [--until Y]: fit each scenario's calibration to its
-- observations; print the report; write calibration.csv and posterior.lua.
function M.calibrate(o)
  configure(o)
  local scenarios = load_all(o.files)
  local last = o["until"] and whole(o, "until", 1800, 2300)
  for _, sc in ipairs(scenarios) do
    local cal, report = calibration.calibrate(sc, { ["until"] = last })
    io.write(calibration.report_text(report, sc), "\n")
    local dir = api.dir_of(cal)
    core.write_text(dir .. "/posterior.lua", calibration.posterior_file(report))
    core.write_text(dir .. "/calibration.csv", csv_text(calibration.report_csv(report)))
    core.write_text(dir .. "/correlations.csv", csv_text(calibration.correlations_csv(report)))
    manifest.output(dir .. "/posterior.lua")
    manifest.output(dir .. "/calibration.csv")
    manifest.output(dir .. "/correlations.csv")
    api.write(api.run(cal))
    say("  %-28s -> %s/", cal.name, dir)
  end
  manifest.write("calibrate", o)
  return 0
end

local function pct(o, v) return v and (o.level and ("%.0f"):format(v) or ("%.2f"):format(100 * v)) or "—" end

-- One held-out observation against the ensemble's bands.
local function backtest_row(o)
  local in50 = o.q25 and o.observed >= o.q25 and o.observed <= o.q75
  local in90 = o.q05 and o.observed >= o.q05 and o.observed <= o.q95
  return { label = o.label, label_vi = o.label_vi, observed = o.observed, median = o.q50, q05 = o.q05, q25 = o.q25, q75 = o.q75, q95 = o.q95,
           in50 = in50, in90 = in90, level = o.level }
end

local BACKTEST_WIDTHS = { -34, 9, 9, 9, 19, 19, 7, 7 }
local function backtest_text(name, last, rows, draws)
  local t = words.t
  local out = { t("bt_title"):format(name, last, draws), words.row(BACKTEST_WIDTHS, t("bt_head")) }
  local n50, n90 = 0, 0
  for _, r in ipairs(rows) do
    n50 = n50 + (r.in50 and 1 or 0)
    n90 = n90 + (r.in90 and 1 or 0)
    out[#out + 1] = words.row(BACKTEST_WIDTHS, { words.label(r), pct(r, r.observed), pct(r, r.median),
      r.median and (r.level and ("%+.0f"):format(r.median - r.observed) or ("%+.2f"):format(100 * (r.median - r.observed))) or "—",
      pct(r, r.q25) .. " – " .. pct(r, r.q75), pct(r, r.q05) .. " – " .. pct(r, r.q95), t(r.in50 and "yes" or "no"),
      t(r.in90 and "yes" or "no") })
  end
  out[#out + 1] = t("bt_inside"):format(n50, #rows, n90, #rows)
  return table.concat(out, "\n") .. "\n"
end

local function backtest_csv(rows)
  local out = { "observation,observed,median,error,q05,q25,q75,q95,in50,in90" }
  local function c(v) return v and ("%.10g"):format(v) or "" end
  for _, r in ipairs(rows) do
    out[#out + 1] = ("%q,%s,%s,%s,%s,%s,%s,%s,%s,%s"):format(r.label, c(r.observed), c(r.median),
                                                          c(r.median and r.median - r.observed), c(r.q05), c(r.q25), c(r.q75),
                                                          c(r.q95), r.in50 and 1 or 0, r.in90 and 1 or 0)
  end
  return table.concat(out, "\n") .. "\n"
end

-- indsim backtest FILE --until Y [-n N]: calibrate on the observations up to Y,
-- project the rest with an ensemble that draws the calibrated numbers from
-- their posterior, and report where each held-out observation falls.
function M.backtest(o)
  configure(o)
  if o["until"] == nil then core.fail("usage", "backtest needs --until YEAR (the last year the calibration may see)") end
  local last = whole(o, "until", 1800, 2300)
  local n = whole(o, "n", 1, 100000000, 1000)
  local seed = whole(o, "seed", 0, math.maxinteger, 1)
  local threads = whole(o, "threads", 1, 256, core.ncpus())
  for _, sc in ipairs(load_all(o.files)) do
    local cal, report = calibration.calibrate(sc, { ["until"] = last })
    io.write(calibration.report_text(report, sc), "\n")
    local e = api.ensemble(cal, { n = n, seed = seed, threads = threads })
    local rows = {}
    for k, ob in ipairs(e:observations()) do
      if ob.year > last then
        local r = backtest_row(ob)
        r.level = report.observations[k].level
        rows[#rows + 1] = r
      end
    end
    if #rows == 0 then core.fail("usage", ("backtest: '%s' has no observation after %d to hold out"):format(sc.name, last)) end
    io.write(backtest_text(cal.name, last, rows, e.draws))
    local dir = api.dir_of(cal)
    core.write_text(dir .. "/backtest.csv", csv_text(backtest_csv(rows)))
    manifest.output(dir .. "/backtest.csv")
    api.write_fan(e)
    api.plot.fan(e)
    say("  %-28s -> %s/", cal.name, dir)
  end
  manifest.write("backtest", o)
  return 0
end

-- --output npv,production_value:2020 -> the outputs of sensitivity()
local function sensitivity_outputs(text, has_baseline, last_year)
  if not text then
    return has_baseline and { "npv" } or { { var = "production_value", year = last_year } }
  end
  local outs = {}
  for item in text:gmatch("[^,]+") do
    local var, year = item:match("^([%w_]+):(%d+)$")
    if var then
      outs[#outs + 1] = { var = var, year = math.tointeger(tonumber(year)), set = has_baseline and "gain" or "level" }
    elseif item:match("^[%w_]+$") then
      outs[#outs + 1] = item
    else
      core.fail("usage", ("--output: '%s' is not npv, bcr, pv_benefit, pv_cost, payback_year or VARIABLE:YEAR"):format(item))
    end
  end
  return outs
end

-- indsim sensitivity [FILE] [--method oat|sobol] [--output ...] [-n N]: the
-- second scenario of FILE (the Hanoi package without one) against the first.
function M.sensitivity(o)
  configure(o)
  local scenarios = load_all(o.files)
  local subject, base = scenarios[#scenarios >= 2 and 2 or 1], #scenarios >= 2 and scenarios[1] or nil
  local method = o.method or "oat"
  if method ~= "oat" and method ~= "sobol" then core.fail("usage", ("--method must be oat or sobol, got '%s'"):format(method)) end
  local res = analysis.sensitivity(subject, {
    baseline = base, method = method, outputs = sensitivity_outputs(o.output, base ~= nil, api.report_years_of(subject)[1]),
    n = method == "sobol" and whole(o, "n", 16, 10000000, 512) or nil, seed = whole(o, "seed", 0, math.maxinteger, 1) })
  io.write(sensreport.text(res, 20))
  say("  %s", sensreport.write(res))
  sensreport.plot(res)
  manifest.write("sensitivity", o)
  return 0
end

-- indsim rerun DIR: repeat the run recorded in DIR/manifest.json and compare.
function M.rerun(o)
  if #o.files ~= 1 then core.fail("usage", "rerun needs one output folder (one that holds a manifest.json)") end
  local differ = manifest.rerun(o.files[1], M)
  if differ > 0 then core.fail("differ", ("%d result files differ from the recorded run"):format(differ)) end
  return 0
end

-- indsim params [--markdown]: the parameter table (name, unit, default, range, meaning).
function M.params(o)
  local md = o.markdown
  if md then io.write("| name | symbol | unit | default | range | meaning |\n|---|---|---|---|---|---|\n") end
  for _, p in ipairs(core.params()) do
    local def = p.default == nil and "absent" or ("%g"):format(p.default)
    local range = ("%g .. %g"):format(p.lo, p.hi)
    local flags = (p.shared and " (shared)" or "") .. (p.initial and " (starting value)" or "")
    if md then
      io.write(("| `%s` | %s | %s | %s | %s | %s%s |\n"):format(p.name, p.symbol, p.unit, def, range, p.meaning, flags))
    else
      io.write(("%-12s %-14s %-10s %-18s %s%s\n"):format(p.name, p.unit, def, range, p.meaning, flags))
    end
  end
  return 0
end

return M
