-- test_sandbox.lua — scenario and script files run sandboxed: written as
-- attacks, each expecting a refusal. No io, no os.execute/getenv/remove/exit,
-- no load/loadfile, require and dofile only inside the allowed folders, no
-- debug or package (loadlib), no binary
-- chunks, no '..' in scenario names, no access to the string metatable; each
-- file gets its own environment and its own copies of the libraries.
-- Run: indsim script tests/lua/test_sandbox.lua (from the source folder).
-- Checks: tests/lua/harness.lua (loaded once, one checker per test file).
local h = scenario.load("tests/lua/harness.lua").new(arg[0])
local eq, raises, done = h.eq, h.raises, h.done

for _, name in ipairs { "io", "load", "loadfile", "debug", "package", "collectgarbage", "module" } do
  eq(("global '%s' is absent"):format(name), rawget(_G, name), nil)
end
for _, name in ipairs { "execute", "getenv", "remove", "rename", "exit", "tmpname", "setlocale" } do
  eq(("os.%s is absent"):format(name), os[name], nil)
end
eq("os.time is there", type(os.time), "function")
eq("_G is the file's own environment", _G.policy == policy and _G.scenario == scenario, true)
eq("getmetatable('') hides the string metatable", getmetatable(""), nil)
eq("string methods still work", ("ab"):rep(2), "abab")
-- a finalizer would run when indsim closes the state, after the limits stopped watching
raises("setmetatable with a __gc finalizer is refused", function() setmetatable({}, { __gc = function() end }) end,
       "scenario", "__gc finalizer is not allowed")
eq("setmetatable without __gc still works", getmetatable(setmetatable({}, { __index = {} })) ~= nil, true)
raises("a binary chunk is refused", function() scenario.load "tests/data/binary_chunk.lua" end, "scenario", "binary chunk")
raises("a scenario name with '..' is refused", function() scenario.load "../../etc/passwd" end, "scenario", "'..'")
raises("a missing scenario file", function() scenario.load "tests/data/no_such_file.lua" end, "scenario", "no scenario")

-- require and dofile: Lua's, limited to the allowed folders (tests/data is a --path folder here).
local rates = require "modules.rates"
eq("require finds a module by dotted name in a --path folder", rates.discount, 0.1)
eq("require runs a module once: the second call returns the same table", require "modules.rates", rates)
eq("dofile runs the file again: a fresh table", dofile("tests/data/modules/rates.lua") ~= rates, true)
raises("require of a missing module names where it looked", function() require "no_such_module" end, "scenario",
       "module 'no_such_module' not found", "tests/data/no_such_module.lua")
raises("require of a standard library is refused", function() require "os" end, "scenario", "module 'os' not found")
raises("a module requiring itself is an error, not a stack overflow", function() require "modules.loop" end,
       "scenario", "module 'modules.loop' requires itself")
raises("dofile outside the allowed folders is refused", function() dofile "/etc/hostname" end, "scenario",
       "'/etc/hostname' is outside the folders")
raises("dofile of a missing file", function() dofile "tests/data/no_such_file.lua" end, "scenario", "cannot read")
raises("dofile of a folder", function() dofile "tests/data/modules" end, "scenario", "cannot read 'tests/data/modules'")
raises("dofile of a missing file outside the folders: refused like an existing one (nothing told)",
       function() dofile "/etc/no_such_file.lua" end, "scenario", "'/etc/no_such_file.lua' is outside the folders")
eq("require by another spelling of the same file: the same module, run once", require "modules/rates", rates)
raises("a module requiring itself by another spelling is caught too", function() require "modules.loop_spelt" end,
       "scenario", "requires itself")

-- A scenario file reading `arg` (a script run as a scenario) is told to use `indsim script`.
raises("arg in a scenario file", function() scenario.load "tests/data/reads_arg.lua" end, "usage",
       "'arg' exists only in scripts", "indsim script")
-- Distributions reach each file as themselves (a copy of the API once lost their metatable, and the
-- register printed "table: 0x...").
local size = policy.training.effects[policy.training.order[1]].size
eq("a catalogue effect's distribution keeps its text form", tostring(size.dist or size):match("^table: ") == nil, true)

-- Each file has its own environment and its own copy of string.
string.upper = nil
local sc = scenario.load "tests/data/uses_string.lua"
eq("a loaded file has its own string library", sc.name, "OWN ENV")
eq("a loaded file's globals stay in its own environment", rawget(_G, "leaked_global"), nil)
eq("the script's own change stays its own", string.upper, nil)

done()
