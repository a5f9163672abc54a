-- calibrate.lua — calibration in the scenario language:
--   local cal, report = calibrate(sc, { fit = {"output0.state", "g", ...}, ["until"] = 2005 })
-- fits the named numbers (numbers.lua) to the scenario's observations (those
-- up to `until`), each number's distribution in the scenario acting as its
-- prior, and returns the scenario with the fitted values and their posterior
-- covariance as a joint normal (so single runs use the fitted values and
-- ensembles draw from the posterior), and the report. A scenario may state
-- what to fit in its `calibration = { fit = {...} }`.
local core = require "indsim.core"
local check = require "indsim.check"
local numbers = require "indsim.numbers"
local dist = require "indsim.dist"
local options = require "indsim.options"
local words = require "indsim.words"

local M = {}

-- Admissible ranges of the kinds of numbers (parameters: their own).
local RANGES = { ["1/yr"] = { 0, 10 }, ["bn VND/yr"] = { 1e-9, 1e9 } }

local function fit_list(sc, names, where)
  local measures = sc:measures()
  local index = numbers.index(sc, measures)
  local priors = {}
  for _, u in ipairs(numbers.uncertain(sc, measures)) do priors[u.key] = u.dist end
  local fits = {}
  for i, name in ipairs(names) do
    local n = index[name]
    if not n then check.fail(where, { "fit", i }, "'%s' names no number of scenario '%s' (e.g. \"g.state\", \"policy.training.rate\")", tostring(name), sc.name) end
    local range = n.info.lo and { n.info.lo, n.info.hi } or RANGES[n.info.unit] or { -1e12, 1e12 }
    local d = priors[name]
    local support = d and (d.kind == "uniform" and { d.a, d.b } or d.kind == "triangular" and { d.a, d.c }
                           or d.kind == "beta" and { d.c, d.d }) -- a prior with bounds keeps the fit inside them
    if support then range = { math.max(range[1], support[1]), math.min(range[2], support[2]) } end
    fits[i] = { name = name, targets = n.targets, init = n.value, prior = d, lo = range[1], hi = range[2] }
  end
  return fits
end

local function number_or_nan(v) return v == false and 0 / 0 or v end

-- The posterior as a joint normal: over the logarithm of every number that
-- must stay positive (the covariance carried over by the delta method,
-- cov/(x_i x_j)), so no draw leaves its range; a number the fit could not
-- pin (no prior, no data: se NaN) keeps its fitted value with a negligible
-- spread.
local function posterior(report)
  local names, mean, cov, logs = {}, {}, {}, {}
  local n = #report.params
  local slope, bounds = {}, {} -- d(scale)/dx at the fitted value, for the delta method
  for i, p in ipairs(report.params) do
    names[i] = p.name
    local x = p.value
    if p.lo ~= nil and p.hi ~= nil and p.hi - p.lo < 1e6 and x > p.lo and x < p.hi then -- bounded both sides
      local u = (x - p.lo) / (p.hi - p.lo)
      logs[i], mean[i], slope[i] = "logit", math.log(u / (1 - u)), 1 / ((p.hi - p.lo) * u * (1 - u))
      bounds[p.name] = { p.lo, p.hi }
    elseif p.lo ~= nil and p.lo >= 0 and x > 0 then
      logs[i], mean[i], slope[i] = "log", math.log(x), 1 / x
    else
      logs[i], mean[i], slope[i] = false, x, 1
    end
  end
  for i = 1, n do
    cov[i] = {}
    for j = 1, n do
      local c = number_or_nan(report.cov[i][j])
      if c ~= c then c = 0 end
      cov[i][j] = c * slope[i] * slope[j]
    end
  end
  for i = 1, n do
    local tiny = (1e-6 * math.max(math.abs(mean[i]), logs[i] and 1 or 1e-6)) ^ 2 -- on the normal's scale
    if not (cov[i][i] > tiny) then
      for j = 1, n do cov[i][j], cov[j][i] = 0, 0 end
      cov[i][i] = tiny
    end
  end
  local lognames, logitnames = {}, {}
  for i = 1, n do
    if logs[i] == "log" then lognames[#lognames + 1] = names[i] end
    if logs[i] == "logit" then logitnames[#logitnames + 1] = names[i] end
  end
  return names, mean, cov, lognames, logitnames, bounds
end

function M.calibrate(sc, opts)
  local where = check.where()
  local scenario = require "indsim.scenario"
  if not scenario.is_scenario(sc) then check.fail(where, {}, "calibrate expects a scenario, got %s", type(sc)) end
  opts = opts or {}
  check.typed(opts, "table", where, {}, "calibrate's options")
  check.keys(opts, check.set { "fit", "until", "max_iter", "rtol", "name" }, where, {}, "calibrate's options")
  local plan = sc.calibration or {}
  local names = opts.fit or plan.fit
  if names == "uncertain" then -- every number the scenario gives a distribution
    names = {}
    for _, u in ipairs(numbers.uncertain(sc, sc:measures())) do
      -- economics assumptions touch no observation: they keep their priors
      if u.dist.kind ~= "choice" and not u.key:match("^economics%.") then names[#names + 1] = u.key end
    end
  end
  if type(names) ~= "table" or #names == 0 then
    check.fail(where, { "fit" }, "calibrate needs the numbers to fit: fit = {\"g.state\", ...} here or in the scenario's calibration")
  end
  local last = opts["until"] or plan["until"]
  local spec = sc:spec(options.lang)
  local use, nused = {}, 0
  for i, o in ipairs(sc.observations) do
    use[i] = last == nil or o.year1 <= last
    nused = nused + (use[i] and 1 or 0)
  end
  if nused == 0 then
    check.fail(where, { "until" }, "no observation of '%s'%s to calibrate on", sc.name, last and (" up to " .. last) or "")
  end
  local fits = fit_list(sc, names, where)
  local report = core.calibrate(spec, fits, { use_obs = use, max_iter = opts.max_iter, rtol = opts.rtol })
  report.scenario, report["until"] = opts.name or sc.name, last
  for i, p in ipairs(report.params) do p.lo, p.hi = fits[i].lo, fits[i].hi end
  local pnames, mean, cov, lognames, logitnames, bounds = posterior(report)
  local joint = dist.mvnormal { name = "calibration", params = pnames, mean = mean, cov = cov, log = lognames, logit = logitnames,
                                bounds = bounds,
                                source = ("calibrated to %d observations%s"):format(report.ndata, last and (" up to " .. last) or "") }
  local joints = {}
  for _, j in ipairs(sc.joints) do if j.name ~= "calibration" then joints[#joints + 1] = j end end
  joints[#joints + 1] = joint
  joint.derived = true -- made by the engine: members whose number is gone are dropped, not errors
  local cal = sc:derive { joints = joints, overrides = {}, name = opts.name and check.typed(opts.name, "string", where, { "name" }) or sc.name }
  cal.calibrated = report
  return cal, report
end

-- The report as text: what moved, what stayed at its prior, the fit.
local function fmt(v, p) if v == nil or v == false or v ~= v then return "—" end return ("%." .. (p or 4) .. "g"):format(v) end

-- Who set a number: the data (its sd shrank to less than half the prior's),
-- the prior (sd not shrunk, value not moved by half a prior sd), or both
-- (the data moved it, often jointly with others: see the correlations).
-- A key of words.lua: by_data, by_prior, by_both, by_nothing.
local function verdict(p)
  if not p.prior_sd then return p.identified and "by_data" or "by_nothing" end
  if p.shrink and p.shrink < 0.5 and p.identified then return "by_data" end
  if p.shrink and p.shrink > 0.9 and not (p.prior_z and math.abs(p.prior_z) >= 0.5) then return "by_prior" end
  return "by_both"
end

local PARAM_WIDTHS = { -28, -24, 12, 10, 10, 7, -1 }
local OBS_WIDTHS = { -36, 10, 10, 10, 8 }

function M.report_text(report, sc)
  local t = words.t
  local out = { t("cal_title"):format(report.scenario, report.ndata,
                                      report["until"] and t("cal_up_to"):format(report["until"]) or "",
                                      t(report.converged and "converged" or "not_converged"), report.iterations, report.runs,
                                      report.chi2_data, report.chi2_prior) }
  local priors = {}
  for _, u in ipairs(numbers.uncertain(sc, sc:measures())) do priors[u.key] = tostring(u.dist) end
  out[#out + 1] = words.row(PARAM_WIDTHS, t("cal_head"))
  for _, p in ipairs(report.params) do
    out[#out + 1] = words.row(PARAM_WIDTHS, { p.name, priors[p.name] or t("none"), fmt(p.value, 5), fmt(p.se, 3),
                                              fmt(p.prior_z, 3), fmt(p.shrink, 2), t(verdict(p)) })
  end
  local strong = {}
  for i, p in ipairs(report.params) do
    for j = i + 1, #report.params do
      local r = number_or_nan(report.corr[i][j])
      if r == r and math.abs(r) >= 0.7 then strong[#strong + 1] = ("%s ~ %s %+.2f"):format(p.name, report.params[j].name, r) end
    end
  end
  if #strong > 0 then out[#out + 1] = t("cal_strong"):format(table.concat(strong, "; ")) end
  out[#out + 1] = words.row(OBS_WIDTHS, t("cal_obs_head"))
  for _, o in ipairs(report.observations) do
    local k = o.level and 1 or 100
    out[#out + 1] = words.row(OBS_WIDTHS, { words.label(o), fmt(o.observed * k, 5), fmt(o.model and o.model * k, 5),
                                            fmt(o.model and (o.model - o.observed) * k, 3), fmt(o.se * k, 3) })
                    .. (o.used and "" or t("held_out"))
  end
  if report.warnings ~= "" then
    for line in report.warnings:gmatch("[^\n]+") do out[#out + 1] = "warning: " .. line end
  end
  return table.concat(out, "\n") .. "\n"
end

-- calibration.csv: one row per fitted number.
function M.report_csv(report)
  local out = { "name,value,se,prior_z,prior_sd,shrink,identified_by_data,set_by" }
  local function cell(v) return (v == nil or v == false or v ~= v) and "" or ("%.10g"):format(v) end
  for _, p in ipairs(report.params) do
    out[#out + 1] = ("%s,%s,%s,%s,%s,%s,%s,%s"):format(p.name, cell(p.value), cell(p.se), cell(p.prior_z), cell(p.prior_sd),
                                                     cell(p.shrink), p.identified and "yes" or "no", words.en(verdict(p)))
  end
  return table.concat(out, "\n") .. "\n"
end

-- correlations.csv: the posterior correlation matrix, one row per number.
function M.correlations_csv(report)
  local names = {}
  for i, p in ipairs(report.params) do names[i] = p.name end
  local out = { "name," .. table.concat(names, ",") }
  for i, p in ipairs(report.params) do
    local row = {}
    for j = 1, #names do
      local r = number_or_nan(report.corr[i][j])
      row[j] = r == r and ("%.6f"):format(r) or ""
    end
    out[#out + 1] = p.name .. "," .. table.concat(row, ",")
  end
  return table.concat(out, "\n") .. "\n"
end

-- posterior.lua: the fitted joint normal as a file a scenario can load.
function M.posterior_file(report)
  local names, mean, cov, lognames, logitnames, bounds = posterior(report)
  local rows = {}
  for i = 1, #names do
    local cells = {}
    for j = 1, #names do cells[j] = ("%.17g"):format(cov[i][j]) end
    rows[i] = "    { " .. table.concat(cells, ", ") .. " },"
  end
  local q, ql, qt = {}, {}, {}
  for i, n in ipairs(names) do q[i] = ("%q"):format(n) end
  for i, n in ipairs(lognames) do ql[i] = ("%q"):format(n) end
  for i, n in ipairs(logitnames) do qt[i] = ("%q"):format(n) end
  local qb = {}
  for _, n in ipairs(logitnames) do qb[#qb + 1] = ("[%q] = { %.17g, %.17g }"):format(n, bounds[n][1], bounds[n][2]) end
  local m = {}
  for i, v in ipairs(mean) do m[i] = ("%.17g"):format(v) end
  return ("-- The posterior of the calibration of '%s' (indsim calibrate): use it as\n" ..
          "--   joints = { scenario.load \"path/to/posterior.lua\" }\n" ..
          "-- The numbers in log are log-normal (mean and cov of their logarithms), those in\n" ..
          "-- logit logit-normal within their bounds (of their log-odds).\n" ..
          "return mvnormal {\n  name = \"calibration\",\n  params = { %s },\n  log = { %s },\n  logit = { %s },\n" ..
          "  bounds = { %s },\n  mean = { %s },\n  cov = {\n%s\n  },\n}\n")
         :format(report.scenario, table.concat(q, ", "), table.concat(ql, ", "), table.concat(qt, ", "), table.concat(qb, ", "),
                 table.concat(m, ", "), table.concat(rows, "\n"))
end

return M
