-- observe.lua — published figures as observations, stated the way statistics
-- offices publish them: a year's level, a year's growth, average growth over
-- years, and the first months of a year against the same months a year
-- earlier. Growth is a fraction (value = 0.187) or a percentage (pct = 18.7);
-- a standard error se is in the same unit (se = 0.3 with pct = 18.7).
local core = require "indsim.core"
local check = require "indsim.check"
local assume = require "indsim.assume"
local options = require "indsim.options"

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

-- An observation of kind from the table t; where is the caller's place in
-- its file (check.where()) or, for a row of a CSV file, that row's.
local function make(t, kind, extra, fill, where)
  where = where or check.where()
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

-- Each kind: its own keys, and how they fill the observation's years.
local KINDS = {}
KINDS.level = { { "year" }, function(o, a, w) o.year0 = year(a, w, "year"); o.year1 = o.year0 end }
KINDS.growth = KINDS.level

KINDS.avg_growth = { { "years" }, function(o, a, w)
  if type(a.years) ~= "table" or math.type(a.years[1]) ~= "integer" or math.type(a.years[2]) ~= "integer" or a.years[2] < a.years[1] then
    check.fail(w, { "years" }, "years = {first, last} expected, first <= last")
  end
  o.year0, o.year1 = a.years[1], a.years[2]
end }

-- months = 6 (the first six) or months = {3, 8} (March to August, inclusive).
KINDS.period_growth = { { "year", "months" }, function(o, a, w)
  o.year0 = year(a, w, "year"); o.year1 = o.year0
  local m = a.months
  if math.type(m) == "integer" and m >= 1 and m <= 12 then
    o.m0, o.m1 = 0, m
  elseif type(m) == "table" and math.type(m[1]) == "integer" and math.type(m[2]) == "integer" and 1 <= m[1] and m[1] <= m[2] and m[2] <= 12 then
    o.m0, o.m1 = m[1] - 1, m[2]
  else
    check.fail(w, { "months" }, "months = N (the first N, 1..12) or {first, last} (1..12) expected")
  end
end }

local function build(kind, t, where) return make(t, kind, KINDS[kind][1], KINDS[kind][2], where) end

function M.level(t) return build("level", t) end
function M.growth(t) return build("growth", t) end
function M.avg_growth(t) return build("avg_growth", t) end
function M.period_growth(t) return build("period_growth", t) end

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

-- History from a CSV file (docs/lua-api.md §7.2): obs.from_csv(path) gives
-- one observation a row, each made by the constructor of its kind (so every
-- check above applies) with the row's own file and line as its place.

local CSV_COLUMNS = { "kind", "sector", "var", "year", "year0", "year1", "months", "value", "pct", "se", "source", "note" }
local CSV_KNOWN = check.set(CSV_COLUMNS)
local CSV_KINDS = { "level", "growth", "avg_growth", "period_growth" }
-- The year columns each kind fills; the others must be empty in its rows.
local CSV_YEARS = { level = { "year" }, growth = { "year" }, avg_growth = { "year0", "year1" },
                    period_growth = { "year", "months" } }

-- Where obs.from_csv finds a file, the first that exists of: the path as
-- given (absolute, or relative to the current folder, like scenario files),
-- then relative to the folder of the file calling obs.from_csv, to each
-- --path folder, and to scenarios/. '..' is refused, as by scenario.load.
-- (The one place to adapt when file access is restricted.)
local function resolve_csv(path, where)
  if ("/" .. path .. "/"):find("/%.%./") then check.fail(where, {}, "CSV path '%s' may not contain '..'", path) end
  local candidates = { path }
  if path:sub(1, 1) ~= "/" then
    local caller = type(where.chunk) == "string" and where.chunk:match("^@(.*)$")
    local dir = caller and caller:gsub("^%[built in%] ", ""):match("^(.*)/[^/]*$")
    if dir then candidates[#candidates + 1] = dir .. "/" .. path end
    for _, d in ipairs(options.paths) do candidates[#candidates + 1] = d .. "/" .. path end
    candidates[#candidates + 1] = "scenarios/" .. path
  end
  local loader = require "indsim.loader"
  local function refuse(p)
    check.fail(where, {}, "'%s' is outside the folders files may be read from (%s, the output folder): add --path "
               .. "FOLDER, or --unsafe for your own files", p, loader.ROOTS_TEXT)
  end
  -- an absolute path is judged before it is looked for: a refusal does not tell whether it exists
  if path:sub(1, 1) == "/" and not loader.inside_roots(path, { options.out }) then refuse(path) end
  for _, p in ipairs(candidates) do
    local f = io.open(p, "rb")
    if f then
      f:close()
      -- the sandbox's folders, and the output folder (files indsim wrote)
      if not loader.inside_roots(p, { options.out }) then refuse(p) end
      return p
    end
  end
  check.fail(where, {}, "no CSV file '%s' (looked for: %s)", path, table.concat(candidates, ", "))
end

-- The file goes into the run manifest beside the scenario files, so that
-- `indsim rerun` notices when it has changed.
local function record_input(file, sha256)
  local loader = require "indsim.loader"
  for _, f in ipairs(loader.loaded) do if f.name == file and not f.builtin then return end end
  loader.loaded[#loader.loaded + 1] = { name = file, builtin = false, sha256 = sha256 }
end

local function trim(s) return (s:gsub("^[ \t]+", ""):gsub("[ \t]+$", "")) end

local function one_of(what, name, known)
  local near = check.suggest(name, known)
  return ("unknown %s '%s'%s"):format(what, name, near and (" — did you mean '" .. near .. "'?")
                                        or (" (known: " .. table.concat(known, ", ") .. ")"))
end

-- The header's columns by position; where is the header's line.
local function csv_columns(header, where)
  local cols, at = {}, {}
  for j, raw in ipairs(header) do
    local name = trim(raw)
    if name == "" then check.fail(where, {}, "column %d has no name (the columns: %s)", j, table.concat(CSV_COLUMNS, ", ")) end
    if not CSV_KNOWN[name] then check.fail(where, { name }, "%s", one_of("column", name, CSV_COLUMNS)) end
    if at[name] then check.fail(where, { name }, "column '%s' appears twice (columns %d and %d)", name, at[name], j) end
    cols[j], at[name] = name, j
  end
  if not at.kind then check.fail(where, {}, "no 'kind' column (it says what each row is: %s)", table.concat(CSV_KINDS, ", ")) end
  if not at.value and not at.pct then check.fail(where, {}, "no 'value' or 'pct' column (the figures)") end
  return cols
end

local function csv_number(s, where, col)
  local x = s:find("^[+-]?[%d.]+[eE]?[+-]?%d*$") and tonumber(s)
  if not x then
    check.fail(where, { col }, "a number expected, got '%s'%s", s, s:find(",") and " (the decimal separator is a point: 18.7)" or "")
  end
  return x
end

local function csv_year(s, where, col)
  local y = s:find("^[+-]?%d+$") and math.tointeger(tonumber(s))
  if not y then check.fail(where, { col }, "a year (a whole number like 2006) expected, got '%s'", s) end
  return y
end

-- months: "6" (the first six) or "3-8" (March to August, inclusive).
local function csv_months(s, where)
  local a, b = s:match("^(%d+)$")
  if not a then a, b = s:match("^(%d+)%s*%-%s*(%d+)$") end
  a, b = a and math.tointeger(tonumber(a)), b and math.tointeger(tonumber(b))
  if not a or a < 1 or a > 12 or (b and (b < a or b > 12)) then
    check.fail(where, { "months" }, "'%s': the first N months (6) or months a-b (3-8) expected, months 1..12", s)
  end
  return b and { a, b } or a
end

-- The observation of one row (nil for a row whose cells are all empty).
local function csv_observation(row, cols, where)
  local cell = {}
  for j, name in ipairs(cols) do
    local v = trim(row[j])
    if v ~= "" then cell[name] = v end
  end
  if next(cell) == nil then return nil end
  local kind = cell.kind or check.fail(where, { "kind" }, "empty, but each row needs its kind (%s)", table.concat(CSV_KINDS, ", "))
  if not CSV_YEARS[kind] then check.fail(where, { "kind" }, "%s", one_of("kind", kind, CSV_KINDS)) end
  local takes, gives = check.set(CSV_YEARS[kind]), table.concat(CSV_YEARS[kind], " and ")
  for _, c in ipairs { "year", "year0", "year1", "months" } do
    if cell[c] and not takes[c] then check.fail(where, { c }, "%s rows leave %s empty (they give %s)", kind, c, gives) end
    if takes[c] and not cell[c] then check.fail(where, { c }, "empty, but %s rows need %s", kind, gives) end
  end
  if (cell.value == nil) == (cell.pct == nil) then check.fail(where, { "value" }, "fill exactly one of value and pct") end
  local t = { sector = cell.sector, var = cell.var, source = cell.source, note = cell.note }
  for _, c in ipairs { "value", "pct", "se" } do if cell[c] then t[c] = csv_number(cell[c], where, c) end end
  if kind == "avg_growth" then
    local y0, y1 = csv_year(cell.year0, where, "year0"), csv_year(cell.year1, where, "year1")
    if y1 < y0 then check.fail(where, { "year1" }, "%d is before year0 %d", y1, y0) end
    t.years = { y0, y1 }
  else
    t.year = csv_year(cell.year, where, "year")
  end
  if kind == "period_growth" then t.months = csv_months(cell.months, where) end
  return build(kind, t, where)
end

-- obs.from_csv(path) -> { observation, ... }, in the order of the rows.
function M.from_csv(path)
  local where = check.where()
  check.typed(path, "string", where, {}, "obs.from_csv's argument (the path of a CSV file)")
  local file = resolve_csv(path, where)
  local csv = core.read_csv(file, { comments = true })
  record_input(file, csv.sha256)
  local function at(line) return { chunk = "=csv " .. file, file = file, line = line } end
  local cols = csv_columns(csv.header, at(csv.header_line))
  local out = {}
  for i, row in ipairs(csv.rows) do out[#out + 1] = csv_observation(row, cols, at(csv.lines[i])) end
  return out
end

return M
