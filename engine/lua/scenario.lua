-- scenario.lua — scenario objects: scenario{...} builds one and checks every
-- key; base:with{...} derives a new one (it needs its own name); :spec() is
-- the plain table the C core reads; :register() lists every assumption with
-- its value, unit, range and source.
local core = require "indsim.core"
local check = require "indsim.check"
local assume = require "indsim.assume"
local measure = require "indsim.measure"
local observe = require "indsim.observe"
local dist = require "indsim.dist"
local numbers = require "indsim.numbers"

local M = {}
local Scenario = { __metatable = false }
Scenario.__index = Scenario
M.Scenario = Scenario

local PARAMS, PARAM_LIST = {}, core.params()
for _, p in ipairs(PARAM_LIST) do PARAMS[p.name] = p end
local param_names = {}
for _, p in ipairs(PARAM_LIST) do param_names[#param_names + 1] = p.name end

local NEW_KEYS = { "name", "title", "description", "period", "sectors", "params", "policies", "events",
                   "observations", "targets", "joints", "calibration", "economics", "solver", "report" }
local WITH_KEYS = { "add_policies", "add_events", "add_observations", "add_targets" }
for _, k in ipairs(NEW_KEYS) do WITH_KEYS[#WITH_KEYS + 1] = k end
local SOLVER_KEYS = check.set { "method", "rtol", "atol", "h0", "max_steps" }
local REPORT_KEYS = check.set { "years", "basis" }
local CALIBRATION_KEYS = check.set { "fit", "until", "source" }
local SECTOR_KEYS = check.set { "name", "title" }
local META_KEYS = { source = true, note = true, unit = true, range = true, default = true }
local RESERVED = { total = true, default = true, source = true, note = true, unit = true, range = true }

function M.is_scenario(v) return debug.getmetatable(v) == Scenario end

local function parse_name(v, where)
  check.typed(v, "string", where, { "name" }, "the scenario's name")
  if v == "" or #v > 100 then check.fail(where, { "name" }, "a name of 1 to 100 characters expected") end
  return v
end

local function parse_period(v, where)
  if type(v) ~= "table" or math.type(v[1]) ~= "integer" or math.type(v[2]) ~= "integer" then
    check.fail(where, { "period" }, "period = {first_year, last_year} expected (whole years)")
  end
  if v[2] < v[1] or v[1] < 1800 or v[2] > 2300 then
    check.fail(where, { "period" }, "period {%d, %d}: years in 1800..2300, first <= last", v[1], v[2])
  end
  return { v[1], v[2] }
end

local function parse_sectors(v, where)
  if type(v) ~= "table" or next(v) == nil then check.fail(where, { "sectors" }, "a list of sectors expected") end
  local out, seen = {}, {}
  for i, s in ipairs(check.list(v, where, { "sectors" }, "the sectors")) do
    local name, title
    if type(s) == "string" then
      name = s
    else
      check.typed(s, "table", where, { "sectors", i }, "a sector (name or { name = , title = })")
      check.keys(s, SECTOR_KEYS, where, { "sectors", i }, "a sector")
      name = check.typed(s.name, "string", where, { "sectors", i, "name" }, "the sector's name")
      title = measure.parse_text(s.title, where, { "sectors", i, "title" })
    end
    if not name:match("^[%a_][%w_]*$") then
      check.fail(where, { "sectors", i }, "sector name '%s': ASCII letters, digits and _ only (it names CSV rows and keys; put Vietnamese text in title)", name)
    end
    if RESERVED[name] then check.fail(where, { "sectors", i }, "'%s' is a reserved word; choose another sector name", name) end
    if seen[name] then check.fail(where, { "sectors", i }, "sector '%s' named twice", name) end
    seen[name] = true
    out[i] = { name = name, title = title }
  end
  if #out > 64 then check.fail(where, { "sectors" }, "at most 64 sectors") end
  return out
end

local function unknown_param(name, where)
  local near = check.suggest(name, param_names)
  check.fail(where, { "params", name }, "unknown parameter '%s'%s", name,
             near and (" — did you mean '" .. near .. "'?") or " (indsim params lists them)")
end

-- params.x = value | assumption | { sector = value, ..., default = , source = }
-- -> { ["*"] = assumption, [sector] = assumption }
local function parse_param(name, v, where)
  local info = PARAMS[name] or unknown_param(name, where)
  local path = { "params", name }
  if assume.is_assumption(v) then return { ["*"] = assume.parse(v, info, where, path) } end
  check.typed(v, "table", where, path, "a value, an assumption or a table by sector")
  if info.shared then check.fail(where, path, "'%s' is shared by all sectors: give one value", name) end
  local meta = { source = v.source, note = v.note, range = v.range }
  if v.unit ~= nil and v.unit ~= info.unit then check.fail(where, path, "unit '%s' given, but '%s' is in '%s'", v.unit, name, info.unit) end
  local entry = {}
  for k, x in pairs(v) do
    check.typed(k, "string", where, path, "a sector name")
    if not META_KEYS[k] or k == "default" then
      entry[k == "default" and "*" or k] = assume.parse(x, info, where, { "params", name, k }, meta)
    end
  end
  return entry
end

local function parse_params(v, where)
  local out = {}
  if v == nil then return out end
  check.typed(v, "table", where, { "params" }, "params")
  for name, x in pairs(v) do
    check.typed(name, "string", where, { "params" }, "a parameter name")
    out[name] = parse_param(name, x, where)
  end
  return out
end

-- A list without holes: an entry that is nil (a misspelt name) is an error,
-- not the silent end of the list.
local function parse_list(v, where, key, accept, hint)
  if v == nil then return {} end
  local out = check.list(v, where, { key }, key)
  for i, x in ipairs(out) do
    if not accept(x) then check.fail(where, { key, i }, "not %s", hint) end
  end
  return out
end

local function is_policy(x) return measure.is_measure(x) and x.kind == "policy" end
local function is_event(x) return measure.is_measure(x) and x.kind == "event" end

local function parse_solver(v, where, base)
  local s = {}
  for k, x in pairs(base or {}) do s[k] = x end
  if v == nil then return s end
  check.typed(v, "table", where, { "solver" }, "solver")
  check.keys(v, SOLVER_KEYS, where, { "solver" }, "solver")
  if v.method ~= nil and v.method ~= "rkf45" and v.method ~= "rkck" and v.method ~= "rk8pd" then
    check.fail(where, { "solver", "method" }, "method '%s': rkf45, rkck or rk8pd", tostring(v.method))
  end
  if v.rtol ~= nil then check.number_in(v.rtol, 1e-14, 0.1, where, { "solver", "rtol" }) end
  if v.atol ~= nil then check.number_in(v.atol, 0, 1, where, { "solver", "atol" }) end
  if v.h0 ~= nil then check.number_in(v.h0, 1e-9, 1, where, { "solver", "h0" }, "years") end
  if v.max_steps ~= nil then check.number_in(v.max_steps, 1, 1e9, where, { "solver", "max_steps" }) end
  for k, x in pairs(v) do s[k] = x end
  return s
end

local function parse_calibration(v, where, base)
  if v == nil then return base end
  check.typed(v, "table", where, { "calibration" }, "calibration")
  check.keys(v, CALIBRATION_KEYS, where, { "calibration" }, "calibration")
  if v.fit ~= "uncertain" then
    check.typed(v.fit, "table", where, { "calibration", "fit" }, "a list of names to fit, or \"uncertain\"")
    for i, n in ipairs(check.list(v.fit, where, { "calibration", "fit" }, "the numbers to fit")) do
      check.typed(n, "string", where, { "calibration", "fit", i }, "a name like \"g.state\"")
    end
  end
  if v["until"] ~= nil then check.typed(v["until"], "integer", where, { "calibration", "until" }, "a year") end
  return { fit = v.fit == "uncertain" and "uncertain" or { table.unpack(v.fit) }, ["until"] = v["until"], source = v.source }
end

-- economics = { discount_rate =, mcpf =, profit_outflow =, profit_sector =,
-- net_of_investment =, deflator0 =, inflation_past =, inflation_until =,
-- inflation =, residual_value =, base_year =, basis_year = }: the cost-benefit's assumptions
-- (docs/economics.md); rates may be distributions.
local ECON_NUMBERS = {
  discount_rate = { unit = "1/yr", lo = -0.5, hi = 1 }, mcpf = { unit = "1", lo = 1, hi = 10 },
  profit_outflow = { unit = "fraction", lo = 0, hi = 1 }, deflator0 = { unit = "index", lo = 1e-9, hi = 1e9 },
  inflation_past = { unit = "1/yr", lo = -0.5, hi = 2 }, inflation = { unit = "1/yr", lo = -0.5, hi = 2 },
  residual_value = { unit = "fraction", lo = 0, hi = 1 },
}
local ECON_KEYS = check.set { "discount_rate", "mcpf", "profit_outflow", "profit_sector", "net_of_investment", "deflator0",
                              "inflation_past", "inflation_until", "inflation", "residual_value", "base_year", "basis_year",
                              "source" }

local function parse_economics(v, where, base)
  local e = {}
  for k, x in pairs(base or {}) do e[k] = x end
  if v == nil then return e end
  check.typed(v, "table", where, { "economics" }, "economics")
  check.keys(v, ECON_KEYS, where, { "economics" }, "economics")
  for k, x in pairs(v) do
    local path = { "economics", k }
    if ECON_NUMBERS[k] then e[k] = assume.parse(x, ECON_NUMBERS[k], where, path)
    elseif k == "net_of_investment" then e[k] = check.typed(x, "boolean", where, path, "true or false")
    elseif k == "profit_sector" then e[k] = check.typed(x, "string", where, path, "a sector name")
    elseif k == "source" then e[k] = check.typed(x, "string", where, path)
    else e[k] = check.typed(x, "integer", where, path, "a year") end
  end
  return e
end

local function parse_report(v, where, base)
  local r = { years = base and base.years, basis = base and base.basis }
  if v == nil then return r end
  check.typed(v, "table", where, { "report" }, "report")
  check.keys(v, REPORT_KEYS, where, { "report" }, "report")
  if v.years ~= nil then
    r.years = check.list(v.years, where, { "report", "years" }, "the report years")
    for i, y in ipairs(r.years) do check.typed(y, "integer", where, { "report", "years", i }, "a year") end
  end
  if v.basis ~= nil then r.basis = check.typed(v.basis, "string", where, { "report", "basis" }) end
  return r
end

-- Cross-checks that need the whole scenario: sector names everywhere.
local function finalize(sc)
  local names = {}
  for i, s in ipairs(sc.sectors) do names[s.name] = i end
  local pnames = {}
  for pname in pairs(sc.params) do pnames[#pnames + 1] = pname end
  table.sort(pnames) -- the same error whatever the order of the table
  for _, pname in ipairs(pnames) do
    local entry = sc.params[pname]
    local keys = {}
    for k in pairs(entry) do keys[#keys + 1] = k end
    table.sort(keys)
    for _, k in ipairs(keys) do
      local a = entry[k]
      if k ~= "*" and not names[k] then
        check.fail(a.where, { "params", pname, k }, "no sector '%s' in this scenario (sectors: %s)", k,
                   table.concat((function() local t = {} for _, s in ipairs(sc.sectors) do t[#t + 1] = s.name end return t end)(), ", "))
      end
    end
  end
  local spec = sc:spec()  -- resolves every reference, raising with file:line
  core.validate(spec)
  return sc
end

function M.new(t)
  local where = check.where()
  check.typed(t, "table", where, {}, "scenario")
  check.keys(t, check.set(NEW_KEYS), where, {}, "scenario")
  local sc = setmetatable({ where = where, overrides = {} }, Scenario)
  sc.name = parse_name(t.name, where)
  sc.title = measure.parse_text(t.title, where, { "title" })
  sc.description = t.description and check.typed(t.description, "string", where, { "description" })
  if t.period == nil then check.missing(where, { "period" }, "a scenario needs period = {first_year, last_year}") end
  sc.period = parse_period(t.period, where)
  sc.sectors = parse_sectors(t.sectors, where)
  sc.params = parse_params(t.params, where)
  sc.policies = parse_list(t.policies, where, "policies", is_policy, "a policy (policy.<kind>{...} or policy.custom{...})")
  sc.events = parse_list(t.events, where, "events", is_event, "an event (event{...} or transfer{...})")
  sc.observations = parse_list(t.observations, where, "observations", observe.is_observation, "an observation (obs.growth{...} ...)")
  sc.joints = parse_list(t.joints, where, "joints", dist.is_joint, "a joint distribution (mvnormal{...})")
  sc.targets = parse_list(t.targets, where, "targets", observe.is_target, "a plan target (target.avg_growth{...} ...)")
  sc.calibration = parse_calibration(t.calibration, where)
  sc.economics = parse_economics(t.economics, where)
  sc.solver = parse_solver(t.solver, where)
  sc.report = parse_report(t.report, where)
  return finalize(sc)
end

local function copy_params(params)
  local out = {}
  for name, entry in pairs(params) do
    out[name] = {}
    for k, a in pairs(entry) do out[name][k] = a end
  end
  return out
end

local function concat(a, b)
  local out = { table.unpack(a) }
  for _, x in ipairs(b) do out[#out + 1] = x end
  return out
end

function Scenario:with(t)
  local where = check.where()
  check.typed(t, "table", where, {}, "with")
  check.keys(t, check.set(WITH_KEYS), where, {}, "with")
  if t.name == nil then
    check.missing(where, { "name" }, "a scenario made with :with{} needs its own name (the base is '%s')", self.name)
  end
  local sc = setmetatable({ where = where, base = self }, Scenario)
  sc.name = parse_name(t.name, where)
  if sc.name == self.name then check.fail(where, { "name" }, "'%s' is the base's name; give the new scenario its own", sc.name) end
  sc.title = t.title ~= nil and measure.parse_text(t.title, where, { "title" }) or nil
  sc.description = t.description ~= nil and check.typed(t.description, "string", where, { "description" }) or self.description
  sc.period = t.period ~= nil and parse_period(t.period, where) or self.period
  sc.sectors = t.sectors ~= nil and parse_sectors(t.sectors, where) or self.sectors
  sc.params = copy_params(self.params)
  sc.overrides = {}
  for k in pairs(self.overrides or {}) do sc.overrides[k] = true end
  for name, entry in pairs(parse_params(t.params, where)) do
    for k in pairs(entry) do
      if PARAMS[name].shared then sc.overrides[name] = true
      elseif k == "*" then for _, s in ipairs(sc.sectors) do sc.overrides[name .. "." .. s.name] = true end
      else sc.overrides[name .. "." .. k] = true end
    end
    if entry["*"] or not sc.params[name] then sc.params[name] = entry
    else for k, a in pairs(entry) do sc.params[name][k] = a end end
  end
  for _, key in ipairs { "policies", "events", "observations", "targets" } do
    local accept = key == "policies" and is_policy or key == "events" and is_event or
                   key == "targets" and observe.is_target or observe.is_observation
    local list = t[key] ~= nil and parse_list(t[key], where, key, accept, "a " .. key:sub(1, -2)) or self[key]
    sc[key] = concat(list, parse_list(t["add_" .. key], where, "add_" .. key, accept, "a " .. key:sub(1, -2)))
  end
  sc.joints = t.joints ~= nil and parse_list(t.joints, where, "joints", dist.is_joint, "a joint distribution (mvnormal{...})") or self.joints
  sc.calibration = parse_calibration(t.calibration, where, self.calibration)
  sc.economics = parse_economics(t.economics, where, self.economics)
  sc.solver = parse_solver(t.solver, where, self.solver)
  sc.report = parse_report(t.report, where, self.report)
  return finalize(sc)
end

-- A copy with some fields replaced, keeping the name (for the engine's own
-- derivations: a calibrated scenario is still the same scenario).
function Scenario:derive(fields)
  local sc = setmetatable({}, Scenario)
  for k, v in pairs(self) do sc[k] = v end
  for k, v in pairs(fields) do sc[k] = v end
  sc.base = self
  return finalize(sc)
end

-- The value of parameter name for sector (nil: the engine's default).
function Scenario:assumption(name, sector)
  local entry = self.params[name]
  if not entry then return nil end
  return (sector and entry[sector]) or entry["*"]
end

function Scenario:spec(lang)
  local sectors, index = {}, {}
  for i, s in ipairs(self.sectors) do
    index[s.name] = i
    local params = {}
    for name, info in pairs(PARAMS) do
      local a = not info.shared and self:assumption(name, s.name)
      if a then params[name] = a.value end
    end
    sectors[i] = { name = s.name, title = measure.text(s.title, lang, s.name), params = params }
  end
  local shared = {}
  for name, info in pairs(PARAMS) do
    local a = info.shared and self:assumption(name)
    if a then shared[name] = a.value end
  end
  local measures = self:measures()
  local policies = {}
  for k, m in ipairs(measures) do policies[k] = m:spec(index, lang) end
  local observations, targets = {}, {}
  for i, o in ipairs(self.observations) do observations[i] = o:spec(index, self.period[1], self.period[2]) end
  for i, o in ipairs(self.targets) do targets[i] = o:spec(index, self.period[1], self.period[2]) end
  return {
    name = self.name, title = measure.text(self.title, lang, self.name), basis = self.report.basis,
    first_year = self.period[1], last_year = self.period[2],
    sectors = sectors, shared = shared, policies = policies, observations = observations, targets = targets,
    uncertain = numbers.uncertain(self, measures), joints = self:joint_specs(measures),
    economics = self:economics_spec(index),
    solver = self.solver, where = ("%s:%d"):format(self.where.file, self.where.line),
  }
end

function Scenario:economics_spec(index)
  local e, out = self.economics, {}
  for k in pairs(ECON_NUMBERS) do if e[k] then out[k] = e[k].value end end
  if e.net_of_investment ~= nil then out.net_of_investment = e.net_of_investment end
  for _, k in ipairs { "inflation_until", "base_year", "basis_year" } do out[k] = e[k] end
  if e.profit_sector then
    out.profit_sector = index[e.profit_sector] or check.fail(self.where, { "economics", "profit_sector" },
      "no sector '%s' in this scenario", e.profit_sector)
  end
  return out
end

-- Events first, then policies: the order of the spec (and of the C core).
function Scenario:measures()
  local out = {}
  for _, m in ipairs(self.events) do out[#out + 1] = m end
  for _, m in ipairs(self.policies) do out[#out + 1] = m end
  return out
end

-- The joint normals with the targets of each named number resolved.
-- The targets of joint member `name`, less those a later :with{} set by hand
-- (self.overrides: "g.state", or a shared "tau_E"), which then keep the value
-- given; nil when none is left.
local function member_targets(self, n)
  local kept = {}
  for _, t in ipairs(n.targets) do
    local key = t.kind == "param" and (PARAMS[t.param].shared and t.param or (t.param .. "." .. self.sectors[t.sector].name))
    if not (key and self.overrides[key]) then kept[#kept + 1] = t end
  end
  return #kept > 0 and kept or nil
end

-- The joint normals with the targets of each named number resolved. A member
-- that no longer names a number (its event was replaced) or whose every
-- target was set by hand is left out: the rest keep their joint distribution
-- (a marginal of a normal is normal).
function Scenario:joint_specs(measures)
  if #self.joints == 0 then return {} end
  local index = numbers.index(self, measures)
  local out = {}
  for i, j in ipairs(self.joints) do
    local members, keep = {}, {}
    for k, name in ipairs(j.params) do
      local n = index[name]
      if not n and not j.derived then check.fail(j.where, { "params", k }, "'%s' names no number of scenario '%s'", name, self.name) end
      local targets = n and member_targets(self, n)
      if targets then
        members[#members + 1] = { key = name, targets = targets }
        keep[#keep + 1] = k
      end
    end
    local mean, cov, logs, bounds = {}, {}, {}, {}
    for a, k in ipairs(keep) do
      mean[a], logs[a], bounds[a], cov[a] = j.mean[k], j.log[k] or 0, j.bounds[k], {}
      for b, l in ipairs(keep) do cov[a][b] = j.cov[k][l] end
    end
    if #members > 0 then
      out[#out + 1] = { key = j.name .. "#" .. i, members = members, mean = mean, cov = cov, log = logs, bounds = bounds,
                        where = ("%s:%d"):format(j.where.file, j.where.line) }
    end
  end
  return out
end

function Scenario:title_text(lang) return measure.text(self.title, lang, self.name) end

function Scenario:__tostring() return ("scenario '%s'"):format(self.name) end

return M
