-- harness.lua — the checks the Lua test files use. A script cannot require
-- files, so each test loads this one (scenario.load caches it: one copy per
-- Lua state) and makes its own checker, which counts its own checks:
--
--   local h = scenario.load("tests/lua/harness.lua").new(arg[0])
--   local eq, near, raises, here, done = h.eq, h.near, h.raises, h.here, h.done
--
-- Each check prints "ok    <what>" or "FAIL  <what>" with the expected and
-- the obtained value; done() prints "<file>: N checks passed, M failed" and
-- raises an error when any failed (indsim then exits 3).
local M = {}

function M.new(file)
  local FILE = file
  local passed, failed = 0, 0
  local function show(v)
    if math.type(v) == "float" then return ("%.17g"):format(v) end
    if type(v) == "string" then return ("%q"):format(v) end
    return tostring(v)
  end
  local function report(ok, what, expected, got)
    if ok then
      passed = passed + 1
      print("ok    " .. what)
    else
      failed = failed + 1
      print("FAIL  " .. what .. "\n      expected: " .. expected .. "\n      got:      " .. got)
    end
    return ok
  end
  -- eq(what, got, expected [, rel]): equal; numbers within rel (relative) if given.
  local function eq(what, got, expected, rel)
    local ok = got == expected
    if rel and type(got) == "number" and type(expected) == "number" then
      ok = math.abs(got - expected) <= rel * math.abs(expected)
    end
    return report(ok, what, show(expected) .. (rel and (" (relative tolerance " .. rel .. ")") or ""), show(got))
  end
  -- near(what, got, expected, abs): numbers within abs.
  local function near(what, got, expected, abs)
    local ok = type(got) == "number" and math.abs(got - expected) <= abs
    return report(ok, what, ("%s ± %s"):format(show(expected), show(abs)), show(got))
  end
  -- raises(what, fn, kind, fragment...): fn raises an indsim error of that kind
  -- whose message contains every fragment (plain text).
  local function raises(what, fn, kind, ...)
    local ok, e = pcall(fn)
    local want = { ... }
    local expected = ("%s error containing %s"):format(kind, table.concat((function()
      local t = {} for i, f in ipairs(want) do t[i] = show(f) end return t end)(), ", "))
    if ok then return report(false, what, expected, "no error") end
    local msg = type(e) == "table" and tostring(e.message) or tostring(e)
    local good = type(e) == "table" and e.kind == kind and tostring(e) == msg
    for _, f in ipairs(want) do good = good and msg:find(f, 1, true) ~= nil end
    return report(good, what, expected, ("%s error: %s"):format(type(e) == "table" and tostring(e.kind) or type(e), msg))
  end
  -- The line from which here() is called (in the test file: level 3 is
  -- here's caller, as error's level 1 is pcall and 2 is here).
  local function here() local _, m = pcall(error, "", 3); return tonumber(m:match(":(%d+):")) end
  local function done()
    print(("%s: %d checks passed, %d failed"):format(FILE, passed, failed))
    if failed > 0 then error(("%s: %d of %d checks failed"):format(FILE, failed, passed + failed), 0) end
  end
  return { eq = eq, near = near, raises = raises, here = here, done = done, show = show, report = report }
end

return M
