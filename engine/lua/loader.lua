-- loader.lua — reading scenario and script files: each runs as text (never a
-- binary chunk) in an environment of its own with the scenario language and
-- the safe parts of the standard library; scenario.load finds a scenario by
-- name in the user's folders, ./scenarios, or the copies built into indsim.
local core = require "indsim.core"
local check = require "indsim.check"
local options = require "indsim.options"

local M = {}
local cache = {}          -- scenario name -> what its file returned
local exports             -- filled by set_exports (the API, without a require cycle)

function M.set_exports(t) exports = t end

local SAFE_GLOBALS = { "assert", "error", "ipairs", "next", "pairs", "pcall", "select", "tonumber", "tostring",
                       "type", "xpcall", "print", "rawequal", "rawget", "rawlen", "rawset", "setmetatable", "_VERSION" }

local function copy(t)
  local out = {}
  for k, v in pairs(t) do out[k] = v end
  return out
end

-- A copy of an API table, keeping its metatable (scenario is callable), so
-- one file changing policy.training cannot change what another file means.
-- Values with a metatable of their own (distributions, assumptions) are not
-- API tables: they are shared as they are (a copy would lose their methods).
local function copy_api(v)
  if type(v) ~= "table" then return v end
  local own = debug.getmetatable(v)
  if own and not own.__call then return v end
  local out = {}
  for k, x in pairs(v) do out[k] = copy_api(x) end
  local mt = debug.getmetatable(v)
  if mt and mt.__call then setmetatable(out, { __call = mt.__call }) end
  return out
end

-- Reading an undefined global is an error: a misspelt name (policy.trainng,
-- a local used before it is defined) is caught where it is written.
local STRICT = {
  __index = function(_, k)
    if k == "arg" then -- a script run as a scenario file
      core.fail("usage", ("%s: 'arg' exists only in scripts: run this file with `indsim script %s`"):format(
        check.where().file, check.where().file))
    end
    error(("'%s' is not defined"):format(tostring(k)), 2)
  end,
}

-- --unsafe: the user's own files get the whole standard library; require and
-- dofile stay the sandbox's (they find the user's files and give them the
-- scenario language), without the folder check.
local UNSAFE = { "io", "os", "load", "loadfile", "collectgarbage", "coroutine", "debug", "package" }

-- A fresh environment for one user file.
function M.env(extra)
  local env = {}
  for _, k in ipairs(SAFE_GLOBALS) do env[k] = _G[k] end
  env.pcall, env.xpcall = core.pcall, core.xpcall -- they cannot catch a tripped limit (lind_limits.c)
  env.setmetatable = function(t, mt)
    -- a finalizer would run when indsim closes the state, after the limits' watchdog
    if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
      check.fail(check.where(), {}, "setmetatable: a __gc finalizer is not allowed in a scenario or script file")
    end
    return setmetatable(t, mt)
  end
  env.getmetatable = function(v) if type(v) == "string" then return nil end return getmetatable(v) end
  env.string, env.table, env.math, env.utf8 = copy(string), copy(table), copy(math), copy(utf8)
  env.string.dump = nil -- no binary chunks from a sandboxed file
  env.os = { clock = os.clock, date = os.date, time = os.time, difftime = os.difftime }
  for k, v in pairs(exports or {}) do env[k] = copy_api(v) end
  if options.unsafe then
    for _, k in ipairs(UNSAFE) do env[k] = _G[k] end
    env.string.dump = string.dump
  end
  for k, v in pairs(extra or {}) do env[k] = v end
  env._G = env
  return setmetatable(env, STRICT)
end

local function read(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local text, rerr = f:read("a")
  f:close()
  if not text then return nil, rerr or "not a readable file" end
  return text
end

-- A plain error raised in a user's file (a bug in the script, or error("..."))
-- becomes a scenario error carrying the traceback of where it happened.
local function traceback(e)
  local tripped = core.limits_tripped() -- a limit's error, whatever Lua made of it ("not enough memory")
  if tripped then
    local _, obj = pcall(core.fail, "scenario", tripped)
    return obj
  end
  if core.is_error(e) then return e end
  -- anything else a file raised: its text, never through a metamethod of its own
  local msg = (type(e) == "string" or type(e) == "number") and tostring(e)
              or type(e) == "table" and type(rawget(e, "message")) == "string" and rawget(e, "message")
              or ("error raised with a %s value, not a message"):format(type(e))
  -- raised inside indsim's own Lua code: a bug of the engine, not of the file
  local kind = msg:match("^indsim/") and "internal" or "scenario"
  local _, obj = pcall(core.fail, kind, debug.traceback(msg, 2))
  return obj
end

-- Runs text as chunk `chunkname` ("@path"); returns what it returns.
M.loaded = {}            -- every file run, for the manifest: { name =, sha256 =, builtin = }
local loaded_seen = {}

local function record(text, chunkname)
  if loaded_seen[chunkname] then return end
  loaded_seen[chunkname] = true
  local builtin = chunkname:match("^@%[built in%] scenarios/(.*)$")
  M.loaded[#M.loaded + 1] = { name = builtin or chunkname:sub(2), builtin = builtin ~= nil, sha256 = core.sha256(text) }
end

function M.run_text(text, chunkname, extra)
  check.remember_source(chunkname, text)
  record(text, chunkname)
  local fn, err = load(text, chunkname, "t", M.env(extra))
  if not fn then core.fail("scenario", err) end
  check.enter_file(chunkname, chunkname:sub(2))
  local previous = core.limits_file(chunkname:sub(2))
  core.limits_resume() -- the user file's own work counts against the limits
  local result = table.pack(xpcall(fn, traceback))
  core.limits_pause()
  core.limits_file(previous)
  check.leave_file()
  if not result[1] then error(result[2], 0) end
  return table.unpack(result, 2, result.n)
end

function M.run_file(path, extra)
  local text, err = read(path)
  if not text then core.fail("io", ("cannot read '%s': %s"):format(path, err)) end
  return M.run_text(text, "@" .. path, extra)
end

-- The folders a sandboxed file may load other files from: ./scenarios,
-- ./scripts, every --path folder, and the folder of each file named on the
-- command line (run_named). --unsafe lifts this.
local named_dirs = {}

local function allowed_roots()
  local roots = { "scenarios", "scripts" }
  for _, d in ipairs(options.paths) do roots[#roots + 1] = d end
  for _, d in ipairs(named_dirs) do roots[#roots + 1] = d end
  local out = {}
  for _, d in ipairs(roots) do out[#out + 1] = core.realpath(d) end
  return out
end

-- extra: more allowed folders (e.g. the output folder, for files indsim wrote)
-- The real path of path or, when it does not exist, of its nearest folder
-- that does: a missing file is judged by where it would be, so that a refusal
-- does not tell whether a file outside the allowed folders exists.
local function real_or_parent(path)
  local p = path
  while true do
    local real = core.realpath(p)
    if real then return real end
    local parent = p:match("^(.*)/[^/]*$")
    if not parent then return core.realpath(".") end
    p = parent == "" and "/" or parent
  end
end

local function inside_roots(path, extra)
  if options.unsafe then return true end
  local real = real_or_parent(path)
  if not real then return false end -- not even the current folder resolves (removed)
  local roots = allowed_roots()
  for _, d in ipairs(extra or {}) do roots[#roots + 1] = core.realpath(d) end
  for _, root in ipairs(roots) do
    if real == root or real:sub(1, #root + 1) == root .. "/" then return true end
  end
  return false
end
M.inside_roots = inside_roots
M.ROOTS_TEXT = "scenarios/, scripts/, the folder of the file given on the command line, and --path folders"

-- A file named on the command line: run it, and let it load files beside it.
function M.run_named(path, extra)
  named_dirs[#named_dirs + 1] = path:match("^(.*)/[^/]*$") or "."
  return M.run_file(path, extra)
end

local function exists(path)
  local f = io.open(path, "rb")
  if f then f:close() return true end
  return false
end

local function refuse_outside(where, path)
  if not inside_roots(path) then
    check.fail(where, {}, "'%s' is outside the folders files may be loaded from (%s): add --path FOLDER, or --unsafe "
               .. "for your own files", path, M.ROOTS_TEXT)
  end
end

-- require "name" / require "lib.prices" in a sandboxed file: Lua's require,
-- but only for Lua source files in the folders files may be loaded from (the
-- folders of the files named on the command line, --path folders,
-- scenarios/, scripts/), where the dots of the name are folder separators.
-- Each module runs once per indsim run; later calls get what it returned.
local modules = {}         -- module name -> what it returned
local module_files = {}    -- real path of a module's file -> what it returned (another name, same file)
local LOADING = {} -- the mark of a module being loaded
function M.require_module(modname)
  local where = check.where()
  check.typed(modname, "string", where, {}, "require's argument (a module name like \"common\" or \"lib.prices\")")
  if modules[modname] == LOADING then check.fail(where, {}, "module '%s' requires itself (a loop of require calls)", modname) end
  if modules[modname] ~= nil then return modules[modname] end
  local rel = modname:gsub("%.", "/") .. ".lua" -- no '.' is left, so no '..' either
  local dirs = {}
  for _, d in ipairs(named_dirs) do dirs[#dirs + 1] = d end
  for _, d in ipairs(options.paths) do dirs[#dirs + 1] = d end
  dirs[#dirs + 1], dirs[#dirs + 2] = "scenarios", "scripts"
  local tried = {}
  for _, dir in ipairs(dirs) do
    local path = dir .. "/" .. rel
    tried[#tried + 1] = path
    if exists(path) then
      refuse_outside(where, path)
      local file = core.realpath(path) or path
      if module_files[file] == LOADING then
        check.fail(where, {}, "module '%s' (%s) requires itself (a loop of require calls)", modname, path)
      end
      if module_files[file] ~= nil then modules[modname] = module_files[file]; return module_files[file] end
      modules[modname], module_files[file] = LOADING, LOADING
      local ok, value = pcall(M.run_file, path)
      if not ok then modules[modname], module_files[file] = nil, nil; error(value, 0) end
      if value == nil then value = true end
      modules[modname], module_files[file] = value, value
      return value
    end
  end
  check.fail(where, {}, "module '%s' not found (looked in: %s)", modname, table.concat(tried, ", "))
end

-- dofile "path" in a sandboxed file: runs that Lua source file (every time)
-- and returns what it returns; only inside the folders files may be loaded from.
function M.dofile(path)
  local where = check.where()
  check.typed(path, "string", where, {}, "dofile's argument (the path of a .lua file)")
  refuse_outside(where, path) -- first: a refusal does not tell whether the file exists
  local text, err = read(path)
  if not text then check.fail(where, {}, "dofile: cannot read '%s': %s", path, err) end
  return M.run_text(text, "@" .. path)
end

check.set_boundary(M.run_text)

-- scenario.load "hanoi/baseline" (or a path ending in .lua).
function M.load_scenario(name)
  local where = check.where()
  check.typed(name, "string", where, {}, "scenario.load's argument (a name like \"hanoi/baseline\")")
  if name:find("%.%.") then check.fail(where, {}, "scenario name '%s' may not contain '..'", name) end
  if cache[name] ~= nil then return cache[name] end
  local tried = {}
  local candidates = {}
  if name:match("%.lua$") then
    refuse_outside(where, name) -- first: a refusal does not tell whether the file exists
    candidates[1] = name
  else
    for _, dir in ipairs(options.paths) do candidates[#candidates + 1] = dir .. "/" .. name .. ".lua" end
    candidates[#candidates + 1] = "scenarios/" .. name .. ".lua"
  end
  local result
  for _, path in ipairs(candidates) do
    tried[#tried + 1] = path
    if exists(path) then
      refuse_outside(where, path)
      result = table.pack(M.run_file(path))
      break
    end
  end
  if not result and not name:match("%.lua$") then
    local text = core.embedded_scenario(name .. ".lua")
    tried[#tried + 1] = "(built in) " .. name
    if text then result = table.pack(M.run_text(text, "@[built in] scenarios/" .. name .. ".lua")) end
  end
  if not result then check.fail(where, {}, "no scenario '%s' (looked in: %s)", name, table.concat(tried, ", ")) end
  if result.n == 0 or result[1] == nil then check.fail(where, {}, "'%s' returned nothing: a scenario file ends with return scenario{...}", name) end
  cache[name] = result[1]
  return result[1]
end

return M
