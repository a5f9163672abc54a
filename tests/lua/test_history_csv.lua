-- test_history_csv.lua — observations from a CSV file (obs.from_csv,
-- docs/lua-api.md §7.2): the layout (every kind, columns in any order, a
-- byte-order mark, CRLF, quoting, comments, empty cells and rows, spaces
-- around cells), every error naming the CSV file, its line and the column,
-- where a file is looked for, and that tests/data/history_hanoi.csv gives the
-- same observations as scenarios/hanoi/prior.lua.
-- Expected values are worked out by hand from the rows: pct / 100 and se / 100
-- for a figure in percent; default standard errors (docs/lua-api.md §7) 5 %
-- of a level, 1 point (0.01) for a year's growth, 0.01 · √(12 / months) for
-- a period. Lines are the CSV's own, counted in the fixture (comments and
-- empty lines included).
-- Run: indsim script tests/lua/test_history_csv.lua (from the source folder).
-- Checks: tests/lua/harness.lua (loaded once, one checker per test file).
local FILE = arg[0]
local h = scenario.load("tests/lua/harness.lua").new(FILE)
local eq, near, raises, here, done = h.eq, h.near, h.raises, h.here, h.done

-- 1. The layout: tests/data/history_layout.csv (BOM, CRLF, 7 rows of data
-- among a comment, an empty line, a row of empty cells and a quoted note on
-- two lines).
local LAYOUT = "tests/data/history_layout.csv"
local list = obs.from_csv(LAYOUT)
eq("layout: 7 observations (empty line, empty row and comments skipped)", #list, 7)
-- { kind, year0, year1, m0, m1, value, se, sector, var, source, line }
local PV, VA = "production_value", "value_added"
local WANT = {
  { "avg_growth", 2001, 2005, nil, nil, 0.187, 0.003, nil, PV, "Statistics office, monthly report", 3 },
  { "growth", 2005, 2005, nil, nil, 0.095, 0.01, "private", PV, nil, 4 },
  { "level", 2000, 2000, nil, nil, 1050, 52.5, nil, VA, nil, 5 },               -- sector "total": none
  { "period_growth", 2007, 2007, 0, 6, 0.10, 0.014142135623730951, nil, PV, "Cục Thống kê Hà Nội", 9 },
  { "period_growth", 2007, 2007, 2, 8, 0.10, 0.02, "state", PV, 'He said "10 %"', 10 }, -- months 3-8
  { "growth", 2009, 2009, nil, nil, -0.025, 0.01, nil, PV, nil, 11 },
  { "level", 2000, 2000, nil, nil, 16500, 1250, nil, PV, nil, 13 },
}
for i, w in ipairs(WANT) do
  local o, what = list[i] or {}, ("layout row %d (line %d)"):format(i, w[11])
  eq(what .. ": kind", o.kind, w[1])
  eq(what .. ": year0", o.year0, w[2])
  eq(what .. ": year1", o.year1, w[3])
  eq(what .. ": m0", o.m0, w[4])
  eq(what .. ": m1", o.m1, w[5])
  near(what .. ": value", o.value, w[6], 1e-15 * math.abs(w[6]))
  near(what .. ": se", o.se, w[7], 1e-15 * math.abs(w[7]))
  eq(what .. ": sector", o.sector, w[8])
  eq(what .. ": var", o.var, w[9])
  eq(what .. ": source", o.source, w[10])
  eq(what .. ": its place is the CSV's own line", o.where and ("%s:%d"):format(o.where.file, o.where.line),
     ("%s:%d"):format(LAYOUT, w[11]))
end

-- They are observations like any other: a scenario takes them and a run fits them.
local base = scenario { name = "csv layout", period = { 2000, 2010 }, sectors = { "private", "state" },
                        params = { output0 = { private = 600, state = 450 } } }
local r = run(base:with { name = "csv layout fit", observations = list })
local fit = r:observations()
eq("a run reports one fit per CSV row", #fit, 7)
eq("fit: the level's observed value", fit[7] and fit[7].observed, 16500)
eq("fit: the growth's sector", fit[2] and fit[2].sector, "private")
raises("a sector the scenario lacks is reported at the CSV row",
       function() scenario { name = "x", period = { 2000, 2010 }, sectors = { "a" }, observations = list }:spec("en") end,
       "scenario", LAYOUT .. ":4: sector: ", "no sector 'private'")

-- 2. The Hanoi history: the same observation specs as the prior's own list,
-- at the CSV's lines (5-7 and 9-19: comments on lines 1-3 and 8).
local prior = scenario.load "hanoi/prior"
local hanoi = obs.from_csv "tests/data/history_hanoi.csv"
local a = prior:spec("en").observations
local b = prior:with { name = "prior from csv", observations = hanoi }:spec("en").observations
eq("Hanoi: 14 observations in the prior", #a, 14)
eq("Hanoi: as many from the CSV file", #b, #a)
local LINES = { 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19 }
for i = 1, #a do
  local x, y = a[i], b[i] or {}
  local what = ("Hanoi observation %d (%s %s)"):format(i, x.kind, x.year0)
  for _, k in ipairs { "kind", "sector", "var", "year0", "year1", "m0", "m1", "value", "se", "source" } do
    eq(what .. ": " .. k, y[k], x[k])
  end
  eq(what .. ": where", y.where, "tests/data/history_hanoi.csv:" .. LINES[i])
end
near("Hanoi 2001-2005: 18.7 % as a fraction", b[1] and b[1].value, 0.187, 1e-15)
near("Hanoi 2001-2005: se 0.3 points as a fraction", b[1] and b[1].se, 0.003, 1e-17)
near("Hanoi 2006 first 8 months: default se 0.01·√(12/8)", b[5] and b[5].se, 0.012247448713915890, 1e-17)
eq("Hanoi level 2000: value in bn VND", b[14] and b[14].value, 16500)

-- 3. Errors: each names the CSV file, the row's line and the column. The
-- files are written to the output folder (write_text returns the path).
local n = 0
local function csv(text)
  n = n + 1
  return write_text(("history_csv/bad_%d.csv"):format(n), text)
end
local HEAD = "kind,year,year0,year1,months,value,pct,se,sector,var\n"
-- bad(what, text, at, fragments...): the error starts with the file's path then at
-- (":line: column: " for a cell, ":line:column: " for the reader's own errors).
local function bad(what, text, at, ...)
  local p = csv(text)
  raises(what, function() obs.from_csv(p) end, "scenario", p .. at, ...)
end

-- The header.
bad("an unknown column, with the closest known one", "kind,yaer,pct\ngrowth,2006,16.5\n", ":1: yaer: ",
    "unknown column 'yaer'", "did you mean 'year'?")
bad("an unknown column far from any, with the known ones", "# history\nkind,year,pct,colour\n", ":2: colour: ",
    "unknown column 'colour'", "(known: kind, sector, var, year, year0, year1, months, value, pct, se, source, note)")
bad("a column twice", "kind,pct,year,pct\n", ":1: pct: ", "column 'pct' appears twice (columns 2 and 4)")
bad("a column without a name", "kind,,pct\n", ":1: ", "column 2 has no name")
bad("no kind column", "year,pct\n2006,16.5\n", ":1: ", "no 'kind' column")
bad("no figure column", "kind,year\ngrowth,2006\n", ":1: ", "no 'value' or 'pct' column")

-- A row's cells (line 2 is the first row after HEAD).
bad("an unknown kind, with the closest", HEAD .. "grwth,2006,,,,,16.5,,,\n", ":2: kind: ", "unknown kind 'grwth'", "did you mean 'growth'?")
bad("an empty kind", HEAD .. ",2006,,,,,16.5,,,\n", ":2: kind: ", "empty, but each row needs its kind")
bad("a decimal comma", HEAD .. "growth,2006,,,,,\"16,5\",,,\n", ":2: pct: ", "a number expected, got '16,5'", "decimal separator is a point")
bad("a word for a number", HEAD .. "\ngrowth,2006,,,,,16.5,,,\nlevel,2000,,,,many,,,,\n", ":4: value: ", "a number expected, got 'many'")
bad("a hexadecimal number", HEAD .. "growth,2006,,,,,0x10,,,\n", ":2: pct: ", "a number expected, got '0x10'")
bad("a fractional year", HEAD .. "growth,2006.5,,,,,16.5,,,\n", ":2: year: ", "a year (a whole number like 2006) expected, got '2006.5'")
bad("a year column the kind does not use", HEAD .. "growth,2006,2005,,,,16.5,,,\n", ":2: year0: ",
    "growth rows leave year0 empty (they give year)")
bad("avg_growth without year1", HEAD .. "avg_growth,,2001,,,,18.7,,,\n", ":2: year1: ", "empty, but avg_growth rows need year0 and year1")
bad("avg_growth with year", HEAD .. "avg_growth,2005,2001,2005,,,18.7,,,\n", ":2: year: ", "avg_growth rows leave year empty")
bad("period_growth without months", HEAD .. "period_growth,2007,,,,,21.3,,,\n", ":2: months: ", "empty, but period_growth rows need year and months")
bad("year1 before year0", HEAD .. "avg_growth,,2005,2001,,,18.7,,,\n", ":2: year1: ", "2001 is before year0 2005")
bad("13 months", HEAD .. "period_growth,2007,,,13,,21.3,,,\n", ":2: months: ", "'13': the first N months (6) or months a-b (3-8) expected")
bad("months backwards", HEAD .. "period_growth,2007,,,8-3,,21.3,,,\n", ":2: months: ", "'8-3'")
bad("months 0", HEAD .. "period_growth,2007,,,0,,21.3,,,\n", ":2: months: ", "'0'")
bad("both value and pct", HEAD .. "growth,2006,,,,0.165,16.5,,,\n", ":2: value: ", "fill exactly one of value and pct")
bad("neither value nor pct", HEAD .. "growth,2006,,,,,,0.3,,\n", ":2: value: ", "fill exactly one of value and pct")
-- The constructors' own checks, at the CSV row.
bad("a level in percent", HEAD .. "level,2000,,,,,5,,,\n", ":2: pct: ", "a level is given as value")
bad("a zero standard error", HEAD .. "growth,2006,,,,,16.5,0,,\n", ":2: se: ", "outside the allowed range")
bad("a growth over 10000 %", HEAD .. "growth,2006,,,,,20000,,,\n", ":2: pct: ", "outside the allowed range")
bad("an unobservable variable", HEAD .. "growth,2006,,,,,16.5,,,gdp\n", ":2: var: ", "only production_value or value_added")
-- The reader's own, with the column number (quoted fields spanning lines counted).
bad("a quote never closed", HEAD .. "growth,2006,,,,,16.5,,\"state,\n", ":2:23: the quoted field starting here is never closed")
bad("a short row", HEAD .. "growth,2006,,,,,16.5\n", ":2: ", "7 fields where the header (line 1) has 10")
bad("a row after a multi-line cell", HEAD .. "growth,2006,,,,,16.5,,\"a\nb\",\nlevel,2000\n", ":4: ", "2 fields where the header")
bad("Latin-1 instead of UTF-8", HEAD .. "growth,2006,,,,,16.5,,Nh\xe0 n\xc6\xb0\xe1\xbb\x9bc,\n",
    ":2:25: invalid UTF-8 (byte 0xE0)", "CSV UTF-8")
bad("a terminal escape", HEAD .. "growth,2006,,,,,16.5,,\x1b[2J,\n", ":2:23: control character U+001B")
bad("an empty file", "", ": no header row (the file is empty)")

-- A header alone gives no observations; spaces around cells and names are ignored.
eq("a header alone: an empty list", #obs.from_csv(csv(HEAD)), 0)
local spaced = obs.from_csv(csv(" kind , year ,pct\n growth , 2006 , 16.5 \n"))
eq("spaces around names and cells: the row is read", spaced[1] and spaced[1].year0, 2006)

-- 4. Where a file is looked for.
raises("a missing file, at the caller's line, with the places looked in",
       function() obs.from_csv "tests/data/no_such_history.csv" end, "scenario",
       ("%s:%d: "):format(FILE, here() - 1), "no CSV file 'tests/data/no_such_history.csv'",
       "tests/lua/tests/data/no_such_history.csv", "scenarios/tests/data/no_such_history.csv")
raises("'..' is refused", function() obs.from_csv "tests/../tests/data/history_hanoi.csv" end, "scenario", "may not contain '..'")
raises("the argument is a path", function() obs.from_csv(5) end, "scenario", "string expected")
-- Under scenarios/: this CSV has another layout, so its first unknown column is named.
raises("a path under scenarios/", function() obs.from_csv "hanoi/data/hanoi_sxcn_growth_to_2007h1.csv" end, "scenario",
       "scenarios/hanoi/data/hanoi_sxcn_growth_to_2007h1.csv:1: period: unknown column 'period'")
-- Beside the file calling obs.from_csv: "test_history_csv.lua" is not in the
-- current folder but beside this script (tests/lua/), so that is the file read
-- (and refused: a Lua file is not a CSV file of observations).
raises("a file beside the calling file", function() obs.from_csv "test_history_csv.lua" end, "scenario",
       "tests/lua/test_history_csv.lua:")

done()
