-- assume.lua — an assumption: a value with, as data, its unit, its plausible
-- range and its source. Written in a scenario as a bare number or as
-- { value, range = {lo, hi}, unit = "...", source = "..." }.
local check = require "indsim.check"
local dist = require "indsim.dist"

local M = {}

local KEYS = check.set { "range", "unit", "source", "note" }

function M.is_assumption(v)
  return type(v) == "number" or dist.is_dist(v) or (type(v) == "table" and v[1] ~= nil)
end

-- A bare value or a distribution: its number (a distribution's median).
local function value_of(v, a)
  if dist.is_dist(v) then
    a.dist = v
    return v.median
  end
  return v
end

-- info: { unit = , lo = , hi = } — the admissible range and canonical unit.
-- meta: defaults for unit/range/source from an enclosing per-sector table.
function M.parse(v, info, where, path, meta)
  meta = meta or {}
  local a = { unit = info.unit, source = meta.source, note = meta.note, range = meta.range }
  if type(v) == "number" or dist.is_dist(v) then
    a.value = value_of(v, a)
  elseif type(v) == "table" and v[1] ~= nil then
    check.keys(v, KEYS, where, path, "an assumption", true)
    if #v ~= 1 then check.fail(where, path, "an assumption holds one value, got %d", #v) end
    a.value = value_of(v[1], a)
    a.source = v.source or a.source
    a.note = v.note or a.note
    a.range = v.range or a.range
    if v.unit ~= nil then
      check.typed(v.unit, "string", where, path, "unit")
      if v.unit ~= info.unit then
        check.fail(where, path, "unit '%s' given, but this value is in '%s'", v.unit, info.unit)
      end
    end
  else
    check.fail(where, path, "a number, a distribution or { value, range = , source = } expected, got %s", type(v))
  end
  check.number_in(a.value, info.lo, info.hi, where, path, info.unit)
  if a.range ~= nil then
    local r = a.range
    if type(r) ~= "table" or type(r[1]) ~= "number" or type(r[2]) ~= "number" or r[1] > r[2] then
      check.fail(where, path, "range must be {lo, hi} with lo <= hi")
    end
    if a.value < r[1] or a.value > r[2] then
      check.fail(where, path, "value %s outside its stated range [%s, %s]", a.value, r[1], r[2])
    end
  end
  if a.source ~= nil then check.typed(a.source, "string", where, path, "source") end
  a.where = where
  return a
end

return M
