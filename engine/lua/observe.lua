-- observe.lua — published figures as observations, stated the way statistics
-- offices publish them: a year's level, a year's growth, average growth over
-- years, and the first months of a year against the same months a year
-- earlier. Growth is a fraction (value = 0.187) or a percentage (pct = 18.7);
-- a standard error se is in the same unit (se = 0.3 with pct = 18.7).
local check = require "indsim.check"
local assume = require "indsim.assume"

local M = {}
local Obs = { __metatable = false }
Obs.__index = Obs

function M.is_observation(v) return debug.getmetatable(v) == Obs and not v.is_target end
function M.is_target(v) return debug.getmetatable(v) == Obs and v.is_target == true end

local COMMON = { "value", "pct", "se", "sector", "var", "source", "note" }
local VARS = { production_value = true, value_added = true }

local function keys_for(extra)
  local s = check.set(COMMON)
  for _, k in ipairs(extra) do s[k] = true end
  return s
end

local function value_of(t, kind, where)
  for _, k in ipairs { "value", "pct" } do
    local v = t[k]
    if v ~= nil and type(v) ~= "number" and not (type(v) == "table" and type(v[1]) == "number") then
      check.fail(where, { k }, "an observed figure is a number (a distribution belongs to assumptions, not to data)")
    end
  end
  if (t.value == nil) == (t.pct == nil) then check.fail(where, { "value" }, "give exactly one of value = or pct =") end
  if kind == "level" then
    if t.pct ~= nil then check.fail(where, { "pct" }, "a level is given as value = (bn VND)") end
    local a = assume.parse(t.value, { unit = "bn VND/yr", lo = 0, hi = 1e12 }, where, { "value" })
    return a.value, a.source
  end
  local a = t.pct ~= nil and assume.parse(t.pct, { unit = "%", lo = -100, hi = 1e4 }, where, { "pct" })
          or assume.parse(t.value, { unit = "fraction", lo = -1, hi = 100 }, where, { "value" })
  return t.pct ~= nil and a.value / 100 or a.value, a.source
end

-- Default standard errors: 1 point of growth a year, larger for short
-- periods (sqrt(12/months)); 5 % of a level.
local function default_se(o)
  if o.kind == "level" then return 0.05 * math.abs(o.value) end
  local months = o.kind == "period_growth" and (o.m1 - o.m0) or 12
  return 0.01 * math.sqrt(12 / months)
end

local function make(t, kind, extra, fill)
  local where = check.where()
  check.typed(t, "table", where, {}, "obs." .. kind)
  check.keys(t, keys_for(extra), where, {}, "obs." .. kind)
  local o = { kind = kind, where = where, source = t.source, note = t.note }
  fill(o, t, where)
  local source
  o.value, source = value_of(t, kind, where)
  o.source = o.source or source
  if t.sector ~= nil then
    o.sector = check.typed(t.sector, "string", where, { "sector" }, "a sector name")
    if o.sector == "total" then o.sector = nil end
  end
  o.var = t.var or "production_value"
  if not VARS[o.var] then check.fail(where, { "var" }, "only production_value or value_added can be observed") end
  -- se is in the unit of the value: percentage points when the value is pct.
  if t.se == nil then o.se = default_se(o)
  else o.se = check.number_in(t.se, 1e-12, 1e12, where, { "se" }) / (t.pct ~= nil and 100 or 1) end
  if o.source ~= nil then check.typed(o.source, "string", where, { "source" }) end
  return setmetatable(o, Obs)
end

local function year(t, where, key) return check.typed(t[key], "integer", where, { key }, "a year") end

function M.level(t) return make(t, "level", { "year" }, function(o, a, w) o.year0 = year(a, w, "year"); o.year1 = o.year0 end) end
function M.growth(t) return make(t, "growth", { "year" }, function(o, a, w) o.year0 = year(a, w, "year"); o.year1 = o.year0 end) end

function M.avg_growth(t)
  return make(t, "avg_growth", { "years" }, function(o, a, w)
    if type(a.years) ~= "table" or math.type(a.years[1]) ~= "integer" or math.type(a.years[2]) ~= "integer" or a.years[2] < a.years[1] then
      check.fail(w, { "years" }, "years = {first, last} expected, first <= last")
    end
    o.year0, o.year1 = a.years[1], a.years[2]
  end)
end

-- months = 6 (the first six) or months = {3, 8} (March to August, inclusive).
function M.period_growth(t)
  return make(t, "period_growth", { "year", "months" }, function(o, a, w)
    o.year0 = year(a, w, "year"); o.year1 = o.year0
    local m = a.months
    if math.type(m) == "integer" and m >= 1 and m <= 12 then
      o.m0, o.m1 = 0, m
    elseif type(m) == "table" and math.type(m[1]) == "integer" and math.type(m[2]) == "integer" and 1 <= m[1] and m[1] <= m[2] and m[2] <= 12 then
      o.m0, o.m1 = m[1] - 1, m[2]
    else
      check.fail(w, { "months" }, "months = N (the first N, 1..12) or {first, last} (1..12) expected")
    end
  end)
end

-- Plan targets (target.avg_growth{years = {2006, 2010}, pct = 15, ...}): the
-- same quantities, met when the model's value is at least the one given.
-- Only yearly kinds: a level, a year's growth, an average growth.
M.targets = {}
for _, kind in ipairs { "level", "growth", "avg_growth" } do
  M.targets[kind] = function(t)
    local o = M[kind](t)
    o.is_target = true
    return o
  end
end

-- The spec the C core reads; sectors maps a name to its index; period checks.
function Obs:spec(sectors, first, last)
  local sector
  if self.sector then
    sector = sectors[self.sector] or check.fail(self.where, { "sector" }, "no sector '%s' in this scenario", self.sector)
  end
  local need = self.kind == "level" and self.year0 or self.year0 - 1
  if need < first or self.year1 > last then
    check.fail(self.where, { self.kind == "avg_growth" and "years" or "year" },
               "observation needs years %d..%d, outside the scenario's period %d..%d", need, self.year1, first, last)
  end
  return { kind = self.kind, sector = sector, var = self.var, year0 = self.year0, year1 = self.year1,
           m0 = self.m0, m1 = self.m1, value = self.value, se = self.se, source = self.source,
           where = ("%s:%d"):format(self.where.file, self.where.line) }
end

return M
