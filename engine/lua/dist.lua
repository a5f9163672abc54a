-- dist.lua — distributions for uncertain numbers: normal(mean, sd),
-- lognormal(median, sigma), uniform(lo, hi), triangular(lo, mode, hi),
-- beta(a, b [, lo, hi]), choice(values, probabilities) and, for several
-- numbers together, mvnormal{ params = {...}, mean = {...}, cov = {{...}} }.
-- A single run uses each one's median (core.dist_median); ensembles draw.
local core = require "indsim.core"
local check = require "indsim.check"

local M = {}
local Dist = { __metatable = false }
Dist.__index = Dist
M.Dist = Dist

function M.is_dist(v) return debug.getmetatable(v) == Dist end

local function number(v, where, name, what)
  if type(v) ~= "number" or v ~= v or v == math.huge or v == -math.huge then
    check.fail(where, {}, "%s: %s must be a finite number, got %s", what, name, tostring(v))
  end
  return v
end

-- Builds a distribution and lets the core check its parameters; a bad one is
-- an error at the line of the call, naming the key it is assigned to there.
local function make(kind, fields, where)
  local d = setmetatable({ kind = kind, where = where }, Dist)
  for k, v in pairs(fields) do d[k] = v end
  local ok, err = pcall(core.dist_check, d)
  if not ok then
    local key = check.key_on_line(where, kind)
    check.missing(where, key and { key } or {}, "%s", tostring(err.message or err))
  end
  d.median = core.dist_median(d)
  return d
end

function M.normal(mean, sd)
  local where = check.where()
  return make("normal", { a = number(mean, where, "mean", "normal(mean, sd)"), b = number(sd, where, "sd", "normal(mean, sd)") },
              where, "normal(mean, sd)")
end

function M.lognormal(median, sigma)
  local where = check.where()
  local what = "lognormal(median, sigma)"
  return make("lognormal", { a = number(median, where, "median", what), b = number(sigma, where, "sigma", what) }, where, what)
end

function M.uniform(lo, hi)
  local where = check.where()
  local what = "uniform(lo, hi)"
  return make("uniform", { a = number(lo, where, "lo", what), b = number(hi, where, "hi", what) }, where, what)
end

function M.triangular(lo, mode, hi)
  local where = check.where()
  local what = "triangular(lo, mode, hi)"
  return make("triangular", { a = number(lo, where, "lo", what), b = number(mode, where, "mode", what),
                              c = number(hi, where, "hi", what) }, where, what)
end

function M.beta(a, b, lo, hi)
  local where = check.where()
  local what = "beta(a, b, lo, hi)"
  return make("beta", { a = number(a, where, "a", what), b = number(b, where, "b", what),
                        c = number(lo or 0, where, "lo", what), d = number(hi or 1, where, "hi", what) }, where, what)
end

function M.choice(values, probs)
  local where = check.where()
  local what = "choice(values, probabilities)"
  if type(values) ~= "table" or #values == 0 then check.fail(where, {}, "%s: a list of values expected", what) end
  if probs == nil then
    probs = {}
    for i = 1, #values do probs[i] = 1 / #values end
  end
  if type(probs) ~= "table" or #probs ~= #values then check.fail(where, {}, "%s: one probability per value", what) end
  local v, p = {}, {}
  for i = 1, #values do v[i] = number(values[i], where, "value " .. i, what); p[i] = number(probs[i], where, "probability " .. i, what) end
  return make("choice", { values = v, probs = p }, where, what)
end

function Dist:__tostring() return core.dist_describe(self) end

-- mvnormal{ params = {"g.state", ...}, mean = {...}, cov = {{...}, ...} }
local Joint = { __metatable = false }
Joint.__index = Joint
M.Joint = Joint
function M.is_joint(v) return debug.getmetatable(v) == Joint end

function M.mvnormal(t)
  local where = check.where()
  check.typed(t, "table", where, {}, "mvnormal")
  check.keys(t, check.set { "name", "params", "mean", "cov", "log", "logit", "bounds", "source" }, where, {}, "mvnormal")
  check.typed(t.params, "table", where, { "params" }, "a list of parameter names")
  check.typed(t.mean, "table", where, { "mean" }, "a list of means")
  check.typed(t.cov, "table", where, { "cov" }, "a covariance matrix (list of rows)")
  local n = #t.params
  if n == 0 or #t.mean ~= n or #t.cov ~= n then
    check.fail(where, {}, "mvnormal: %d parameters need %d means and an %d x %d covariance", n, n, n, n)
  end
  for i = 1, n do
    check.typed(t.params[i], "string", where, { "params", i }, "a parameter name like \"g.state\"")
    number(t.mean[i], where, "mean " .. i, "mvnormal")
    if type(t.cov[i]) ~= "table" or #t.cov[i] ~= n then check.fail(where, { "cov", i }, "row %d of the covariance needs %d numbers", i, n) end
    for j = 1, n do number(t.cov[i][j], where, ("cov[%d][%d]"):format(i, j), "mvnormal") end
  end
  -- log = { "f0.state", ... }: those members are log-normal (mean and cov of their logs);
  -- logit = { "m_new.fdi", ... }: logit-normal shares (mean and cov of their log-odds)
  local logs = {}
  for i = 1, #t.params do logs[i] = 0 end
  for flag, key in ipairs { "log", "logit" } do
    if t[key] ~= nil then
      check.typed(t[key], "table", where, { key }, "a list of parameter names")
      local set = {}
      for i, name in ipairs(t[key]) do set[check.typed(name, "string", where, { key, i }, "a parameter name")] = true end
      for i, name in ipairs(t.params) do if set[name] then logs[i] = flag; set[name] = nil end end
      local extra = next(set)
      if extra then check.fail(where, { key }, "'%s' is not among params", extra) end
    end
  end
  -- bounds = { name = {lo, hi} }: the interval of a logit member (default {0, 1})
  local bounds = {}
  for i, name in ipairs(t.params) do
    local b = t.bounds and t.bounds[name]
    if b ~= nil then
      if type(b) ~= "table" or type(b[1]) ~= "number" or type(b[2]) ~= "number" or not (b[1] < b[2]) then
        check.fail(where, { "bounds", name }, "bounds of '%s' are {lo, hi} with lo < hi", name)
      end
      if logs[i] ~= 2 then check.fail(where, { "bounds", name }, "bounds only go with members listed in logit") end
    end
    bounds[i] = b and { b[1], b[2] } or { 0, 1 }
  end
  local j = setmetatable({ name = t.name or "joint", params = t.params, mean = t.mean, cov = t.cov, log = logs, bounds = bounds,
                           source = t.source, where = where }, Joint)
  local ok, err = pcall(core.joint_check, j)
  if not ok then check.fail(where, { "cov" }, "mvnormal: %s", tostring(err.message or err)) end
  return j
end

return M
