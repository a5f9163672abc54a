-- measure.lua — policies and events: a time profile, target sectors, effects
-- on named parameters (additive or multiplicative) and transfers between
-- sectors. A policy has a cost, given as a strength with the cost it takes or
-- as a budget whose effect saturates, effect = e_max·B/(B + B50); an event is
-- part of the baseline and has none. policy.define makes a reusable kind of
-- policy (the catalogue is built with it); policy.custom, event and transfer
-- make one-off measures.
local core = require "indsim.core"
local check = require "indsim.check"
local assume = require "indsim.assume"

local M = {}
local Measure = { __metatable = false }
Measure.__index = Measure
M.Measure = Measure

local PARAMS = {}
for _, p in ipairs(core.params()) do PARAMS[p.name] = p end
local param_names = {}
for name, p in pairs(PARAMS) do if not p.initial then param_names[#param_names + 1] = name end end
table.sort(param_names)

function M.is_measure(v) return debug.getmetatable(v) == Measure end

local function parse_text(v, where, path)
  if v == nil then return nil end
  if type(v) == "string" then return { text = v } end
  if type(v) == "table" then
    if v.text ~= nil and v.vi == nil and v.en == nil then return { text = check.typed(v.text, "string", where, path, "a title") } end
    check.keys(v, check.set { "vi", "en" }, where, path, "a title")
    if v.vi ~= nil then check.typed(v.vi, "string", where, { path[1], "vi" }, "a title") end
    if v.en ~= nil then check.typed(v.en, "string", where, { path[1], "en" }, "a title") end
    return { vi = v.vi, en = v.en }
  end
  check.fail(where, path, "a string or { vi = , en = } expected")
end
M.parse_text = parse_text

-- The text of a bilingual title in lang ("vi", "en", "both").
function M.text(t, lang, fallback)
  if not t then return fallback end
  if t.text then return t.text end
  if lang == "vi" then return t.vi or t.en or fallback end
  if lang == "en" then return t.en or t.vi or fallback end
  if t.vi and t.en then return t.vi .. " / " .. t.en end
  return t.vi or t.en or fallback
end

local function parse_targets(v, where, path)
  if v == nil or v == "all" then return nil end
  if type(v) == "string" then return { v } end
  if type(v) ~= "table" or next(v) == nil then check.fail(where, path, "a sector name, a list of them, or 'all' expected") end
  local list = check.list(v, where, path, "the target sectors")
  for i, s in ipairs(list) do check.typed(s, "string", where, { path[1], i }, "a sector name") end
  return list
end

-- One effect: { param = "r", add = 0.05 } or { param = "p", mul = 0.5 }.
local EFFECT_KEYS = check.set { "param", "add", "mul", "source", "note" }
local function parse_effect(e, where, path)
  check.typed(e, "table", where, path, "an effect")
  check.keys(e, EFFECT_KEYS, where, path, "an effect")
  local pname = check.typed(e.param, "string", where, path, "param")
  local info = PARAMS[pname]
  if not info then
    local near = check.suggest(pname, param_names)
    check.fail(where, path, "unknown parameter '%s'%s", pname, near and (" — did you mean '" .. near .. "'?") or "")
  end
  if info.initial then check.fail(where, path, "'%s' is a starting value; policies and events cannot change it", pname) end
  if (e.add == nil) == (e.mul == nil) then check.fail(where, path, "give exactly one of add = or mul =") end
  local kind = e.add ~= nil and "add" or "mul"
  local bound = kind == "mul" and { unit = "×(1 + m)", lo = -1, hi = 1e6 } or { unit = info.unit, lo = -1e12, hi = 1e12 }
  local size = assume.parse(e[kind], bound, where, path, { source = e.source, note = e.note })
  return { param = pname, kind = kind, size = size }
end

local PROFILE_KEYS = { "from", "to", "ramp", "decay" }

local function parse_profile(t, defaults, where, kind)
  local p = {}
  p.from = check.number_in(t.from, 1800, 2300, where, { "from" }, "(a calendar year)")
  if t.to ~= nil then
    if type(t.to) ~= "number" or t.to ~= math.floor(t.to) or t.to < 1800 or t.to > 2300 then
      check.fail(where, { "to" }, "the last active year 'to' must be a whole year (active until 31 December), got %s", tostring(t.to))
    end
    p.to = math.tointeger(t.to)
    if p.to + 1 <= p.from then
      check.fail(where, { "to" }, "%s ends (to = %d) before it starts (from = %s)", kind, p.to, tostring(p.from))
    end
  end
  p.ramp = t.ramp == nil and (defaults.ramp or 0) or check.number_in(t.ramp, 0, 100, where, { "ramp" }, "years")
  p.decay = t.decay == nil and (defaults.decay or 0) or check.number_in(t.decay, 0, 100, where, { "decay" }, "years")
  return p
end

local function new_measure(fields) return setmetatable(fields, Measure) end

-- The spec the C core reads; sectors maps a name to its index.
function Measure:spec(sectors, lang)
  local targets
  if self.targets then
    targets = {}
    for i, name in ipairs(self.targets) do
      targets[i] = sectors[name] or check.fail(self.where, { "targets" }, "no sector '%s' in this scenario", name)
    end
  end
  local effects, transfers = {}, {}
  for i, e in ipairs(self.effects) do effects[i] = { param = e.param, kind = e.kind, size = e.size.value } end
  for i, tr in ipairs(self.transfers) do
    local s = sectors[tr.src] or check.fail(self.where, { "from_sector" }, "no sector '%s' in this scenario", tr.src)
    local d = sectors[tr.dst] or check.fail(self.where, { "to_sector" }, "no sector '%s' in this scenario", tr.dst)
    transfers[i] = { src = s, dst = d, rate = tr.rate.value }
  end
  return {
    name = self.name, title = M.text(self.title, lang, self.name), is_event = self.kind == "event",
    from = self.from, to = self.to and (self.to + 1) or nil, ramp = self.ramp, decay = self.decay,
    strength = self.strength, cost = self.cost, targets = targets, effects = effects, transfers = transfers,
    budget = self.b50 and self.budget or nil, b50 = self.b50 and self.b50.value or nil,
    where = ("%s:%d"):format(self.where.file, self.where.line),
  }
end

---------------------------------------------------------------------------
-- Reusable kinds of policy: policy.define{...} returns a constructor.

local Definition = { __metatable = false }
Definition.__index = Definition

local DEFINE_KEYS = check.set { "name", "title", "effects", "B50", "ramp", "decay", "targets", "source", "note" }
local INSTANCE_KEYS = { "from", "to", "ramp", "decay", "targets", "budget", "strength", "cost", "name", "title", "source", "note" }

function M.define(t)
  local where = check.where()
  check.typed(t, "table", where, {}, "policy.define")
  check.keys(t, DEFINE_KEYS, where, {}, "policy.define")
  local d = setmetatable({ where = where, effects = {}, order = {} }, Definition)
  d.name = check.typed(t.name, "string", where, { "name" }, "name")
  d.title = parse_text(t.title, where, { "title" })
  d.source, d.note = t.source, t.note
  d.B50 = assume.parse(t.B50, { unit = "bn VND/yr", lo = 1e-9, hi = 1e9 }, where, { "B50" }, { source = t.source })
  d.ramp = t.ramp and check.number_in(t.ramp, 0, 100, where, { "ramp" }, "years") or 0
  d.decay = t.decay and check.number_in(t.decay, 0, 100, where, { "decay" }, "years") or 0
  d.targets = parse_targets(t.targets, where, { "targets" })
  check.typed(t.effects, "table", where, { "effects" }, "effects")
  for key, e in pairs(t.effects) do
    check.typed(key, "string", where, { "effects" }, "an effect's name")
    d.effects[key] = parse_effect(e, where, { "effects", key })
    d.order[#d.order + 1] = key
  end
  table.sort(d.order)
  if #d.order == 0 then check.fail(where, { "effects" }, "a policy needs at least one effect") end
  return d
end

-- strength in [0, 1): share of e_max reached; the budget that reaches it.
local function budget_for(fraction, B50) return B50 * fraction / (1 - fraction) end

-- How an instance sets its strength: budget, strength, or effect sizes by name.
local function instance_strength(d, t, where)
  local named = {}
  for _, key in ipairs(d.order) do if t[key] ~= nil then named[#named + 1] = key end end
  local modes = (t.budget ~= nil and 1 or 0) + (t.strength ~= nil and 1 or 0) + (#named > 0 and 1 or 0)
  if modes ~= 1 then
    check.fail(where, {}, "policy.%s needs exactly one of budget = (bn VND/yr), strength = (0..1 of the maximum effect) or effect sizes (%s)",
               d.name, table.concat(d.order, " = , ") .. " = ")
  end
  local B50 = d.B50.value
  if t.budget ~= nil and t.cost ~= nil then
    check.fail(where, { "cost" }, "a budget is its cost: give budget = or cost =, not both")
  end
  if t.budget ~= nil then
    local B = check.number_in(t.budget, 0, 1e9, where, { "budget" }, "bn VND/yr")
    return { strength = B / (B + B50), cost = B, budget = B }
  end
  if t.strength ~= nil then
    local s = check.number_in(t.strength, 0, 1, where, { "strength" }, "of the maximum effect")
    if s >= 1 and t.cost == nil then check.fail(where, { "strength" }, "strength 1 is the saturation limit: no finite budget reaches it; give cost =") end
    return { strength = s, cost = t.cost or budget_for(s, B50) }
  end
  local sizes, fraction = {}, 0
  for _, key in ipairs(named) do
    local e = d.effects[key]
    local info = e.kind == "mul" and { unit = "×(1 + m)", lo = -1, hi = 1e6 } or { unit = PARAMS[e.param].unit, lo = -1e12, hi = 1e12 }
    sizes[key] = assume.parse(t[key], info, where, { key })
    fraction = math.max(fraction, sizes[key].value / e.size.value)
  end
  if fraction < 0 then
    check.fail(where, { named[1] }, "%s = %s acts against the policy's direction (its maximum is %s); define your own kind with policy.define",
               named[1], tostring(sizes[named[1]].value), tostring(d.effects[named[1]].size.value))
  end
  if t.cost == nil and not (fraction < 1) then
    check.fail(where, { named[1] }, "%s = %s is at or beyond the largest effect a budget can buy (%s); give cost =",
               named[1], tostring(sizes[named[1]].value), tostring(d.effects[named[1]].size.value))
  end
  return { strength = 1, cost = t.cost or budget_for(fraction, B50), sizes = sizes, fraction = fraction }
end

function Definition:__call(t)
  local where = check.where()
  check.typed(t, "table", where, {}, "policy." .. self.name)
  local allowed = check.set(INSTANCE_KEYS)
  for _, key in ipairs(self.order) do allowed[key] = true end
  check.keys(t, allowed, where, {}, "policy." .. self.name)
  local m = parse_profile(t, self, where, "policy")
  local how = instance_strength(self, t, where)
  if t.cost ~= nil then check.number_in(t.cost, 0, 1e9, where, { "cost" }, "bn VND/yr") end
  m.kind, m.def, m.where = "policy", self, where
  m.name = t.name and check.typed(t.name, "string", where, { "name" }) or self.name
  m.title = parse_text(t.title, where, { "title" }) or self.title
  m.targets = t.targets ~= nil and parse_targets(t.targets, where, { "targets" }) or self.targets
  m.strength, m.cost, m.budget = how.strength, how.cost, how.budget
  if how.budget then m.b50 = self.B50 end -- the core recomputes the strength when B50 is drawn
  m.effects, m.transfers, m.source = {}, {}, t.source or self.source
  for _, key in ipairs(self.order) do
    local e = self.effects[key]
    local size = e.size
    if how.sizes then
      size = how.sizes[key] or { value = e.size.value * math.min(how.fraction, 1), source = e.size.source, derived = true }
    end
    m.effects[#m.effects + 1] = { key = key, param = e.param, kind = e.kind, size = size }
  end
  return new_measure(m)
end

function Definition:__tostring() return "policy kind '" .. self.name .. "'" end

---------------------------------------------------------------------------
-- One-off measures.

local CUSTOM_KEYS = check.set { "name", "title", "from", "to", "ramp", "decay", "targets", "effects", "transfers",
                                "cost", "budget", "B50", "source", "note" }

local function parse_effect_list(list, where)
  local out = {}
  if list == nil then return out end
  for i, e in ipairs(check.list(list, where, { "effects" }, "the effects")) do out[i] = parse_effect(e, where, { "effects", i }) end
  return out
end

local TRANSFER_KEYS = check.set { "from_sector", "to_sector", "rate", "source", "note" }
local function parse_transfer(t, where, path)
  check.typed(t, "table", where, path, "a transfer")
  check.keys(t, TRANSFER_KEYS, where, path, "a transfer")
  local tr = {
    src = check.typed(t.from_sector, "string", where, { "from_sector" }, "from_sector (a sector name)"),
    dst = check.typed(t.to_sector, "string", where, { "to_sector" }, "to_sector (a sector name)"),
    rate = assume.parse(t.rate, { unit = "1/yr", lo = 0, hi = 10 }, where, { "rate" }, { source = t.source }),
  }
  if tr.src == tr.dst then check.fail(where, path, "a transfer needs two different sectors") end
  return tr
end

local function one_off(t, kind, label)
  local where = check.where()
  check.typed(t, "table", where, {}, label)
  check.keys(t, kind == "event" and check.set { "name", "title", "from", "to", "ramp", "decay", "targets", "effects",
                                                 "transfers", "source", "note" } or CUSTOM_KEYS, where, {}, label)
  local m = parse_profile(t, {}, where, kind)
  m.kind, m.where, m.source = kind, where, t.source
  m.name = check.typed(t.name, "string", where, { "name" }, "name")
  m.title = parse_text(t.title, where, { "title" })
  m.targets = parse_targets(t.targets, where, { "targets" })
  m.effects = parse_effect_list(t.effects, where)
  m.transfers = {}
  for i, tr in ipairs(check.list(t.transfers or {}, where, { "transfers" }, "the transfers")) do
    m.transfers[i] = parse_transfer(tr, where, { "transfers", i })
  end
  if #m.effects == 0 and #m.transfers == 0 then check.fail(where, { "effects" }, "%s '%s' has no effects and no transfers", label, m.name) end
  m.strength, m.cost = 1, 0
  if kind == "policy" then
    if t.budget ~= nil then
      local B = check.number_in(t.budget, 0, 1e9, where, { "budget" }, "bn VND/yr")
      if t.B50 == nil then check.missing(where, { "B50" }, "budget = needs B50 = (the yearly budget that buys half the maximum effect)") end
      local b50 = assume.parse(t.B50, { unit = "bn VND/yr", lo = 1e-9, hi = 1e9 }, where, { "B50" })
      m.strength, m.cost, m.budget, m.b50 = B / (B + b50.value), B, B, b50
    else
      if t.B50 ~= nil then check.fail(where, { "B50" }, "B50 only goes with budget =") end
      m.cost = t.cost == nil and 0 or check.number_in(t.cost, 0, 1e9, where, { "cost" }, "bn VND/yr")
    end
  end
  return new_measure(m)
end

function M.custom(t) return one_off(t, "policy", "policy.custom") end
function M.event(t) return one_off(t, "event", "event") end

-- transfer{ name, from_sector, to_sector, rate, from, to, ramp, decay }: an event moving firms.
function M.transfer(t)
  local where = check.where()
  check.typed(t, "table", where, {}, "transfer")
  check.keys(t, check.set { "name", "title", "from_sector", "to_sector", "rate", "from", "to", "ramp", "decay", "source", "note" },
             where, {}, "transfer")
  local m = parse_profile(t, {}, where, "transfer")
  m.kind, m.where, m.source = "event", where, t.source
  m.name = check.typed(t.name, "string", where, { "name" }, "name")
  m.title = parse_text(t.title, where, { "title" })
  m.effects = {}
  m.transfers = { parse_transfer({ from_sector = t.from_sector, to_sector = t.to_sector, rate = t.rate, source = t.source }, where, {}) }
  m.strength, m.cost = 1, 0
  return new_measure(m)
end

return M
