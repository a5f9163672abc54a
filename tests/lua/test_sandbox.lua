-- test_sandbox.lua — scenario and script files run sandboxed: written as
-- attacks, each expecting a refusal. No io, no os.execute/getenv/remove/exit,
-- no require/load/loadfile/dofile, no debug or package (loadlib), no binary
-- chunks, no '..' in scenario names, no access to the string metatable; each
-- file gets its own environment and its own copies of the libraries.
-- Run: indsim script tests/lua/test_sandbox.lua (from the source folder).
-- Checks (a script cannot require files, so every test file carries these).
local FILE = arg[0]
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
-- The line from which here() is called.
local function here() local _, m = pcall(error, "", 3); return tonumber(m:match(":(%d+):")) end
local function done()
  print(("%s: %d checks passed, %d failed"):format(FILE, passed, failed))
  if failed > 0 then error(("%s: %d of %d checks failed"):format(FILE, failed, passed + failed), 0) end
end

for _, name in ipairs { "io", "require", "load", "loadfile", "dofile", "debug", "package", "collectgarbage", "module" } do
  eq(("global '%s' is absent"):format(name), rawget(_G, name), nil)
end
for _, name in ipairs { "execute", "getenv", "remove", "rename", "exit", "tmpname", "setlocale" } do
  eq(("os.%s is absent"):format(name), os[name], nil)
end
eq("os.time is there", type(os.time), "function")
eq("_G is the file's own environment", _G.policy == policy and _G.scenario == scenario, true)
eq("getmetatable('') hides the string metatable", getmetatable(""), nil)
eq("string methods still work", ("ab"):rep(2), "abab")
raises("a binary chunk is refused", function() scenario.load "tests/data/binary_chunk.lua" end, "scenario", "binary chunk")
raises("a scenario name with '..' is refused", function() scenario.load "../../etc/passwd" end, "scenario", "'..'")
raises("a missing scenario file", function() scenario.load "tests/data/no_such_file.lua" end, "scenario", "no scenario")

-- Each file has its own environment and its own copy of string.
string.upper = nil
local sc = scenario.load "tests/data/uses_string.lua"
eq("a loaded file has its own string library", sc.name, "OWN ENV")
eq("a loaded file's globals stay in its own environment", rawget(_G, "leaked_global"), nil)
eq("the script's own change stays its own", string.upper, nil)

done()
