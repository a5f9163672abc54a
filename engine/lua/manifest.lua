-- manifest.lua — the run manifest: every output folder gets manifest.json
-- with the engine's version, the command line, the options (seed, threads,
-- draws), every scenario file read with its SHA-256, each scenario's solver
-- tolerances and every output file with its SHA-256. `indsim rerun DIR`
-- repeats the command into DIR/.rerun and confirms the numbers (CSV files)
-- come out identical, bit for bit.
local core = require "indsim.core"
local options = require "indsim.options"
local loader = require "indsim.loader"

local M = {}
local outputs, seen = {}, {}
local scenarios = {}

local function relative(path)
  local prefix = options.out .. "/"
  return path:sub(1, #prefix) == prefix and path:sub(#prefix + 1) or path
end

function M.output(path)
  if seen[path] then return end
  seen[path] = true
  outputs[#outputs + 1] = path
end

function M.scenario(sc)
  for _, s in ipairs(scenarios) do if s.name == sc.name then return end end
  local solver = {}
  for k, v in pairs(sc.solver) do solver[k] = v end
  scenarios[#scenarios + 1] = { name = sc.name, solver = solver }
end

local function read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local text = f:read("a")
  f:close()
  return text
end

local function file_hashes()
  local out = {}
  for i, path in ipairs(outputs) do
    local text = read(path)
    out[i] = { path = relative(path), sha256 = text and core.sha256(text) or "missing" }
  end
  table.sort(out, function(a, b) return a.path < b.path end)
  return out
end

-- Writes options.out/manifest.json for command `command` run with opts.
function M.write(command, opts)
  local argv = {}
  for i = 0, #(opts.argv or {}) do argv[#argv + 1] = opts.argv[i] end
  local m = {
    engine = { name = "indsim", version = core.version, lua = _VERSION },
    command = command,
    argv = argv,
    cwd = os.getenv("PWD") or "",
    options = { files = opts.files, n = opts.n, seed = opts.seed, threads = opts.threads, lang = options.lang,
                format = options.format, plots = options.plots, years = opts.years, paths = options.paths,
                ["until"] = opts["until"] },
    files = loader.loaded,
    scenarios = scenarios,
    outputs = file_hashes(),
  }
  core.mkdir(options.out)
  core.write_text(options.out .. "/manifest.json", core.json_encode(m))
end

local function fail(kind, fmt, ...) core.fail(kind, fmt:format(...)) end

-- The files of the manifest must be what they were.
local function check_files(m)
  for _, f in ipairs(m.files or {}) do
    local text
    if f.builtin then text = core.embedded_scenario(f.name)
    else text = read(f.name) or (m.cwd ~= "" and read(m.cwd .. "/" .. f.name)) end
    if not text then fail("io", "rerun: the scenario file '%s' is gone", f.name) end
    if core.sha256(text) ~= f.sha256 then
      fail("scenario", "rerun: '%s' has changed since the run (its SHA-256 differs); the numbers cannot be the same", f.name)
    end
  end
end

-- Outputs whose bytes carry the results: everything but the images.
local function compared(path) return not (path:match("%.png$") or path:match("%.svg$")) end

-- indsim rerun DIR: returns the number of differing result files (0: identical):
-- those in DIR changed since the run, and those the repeated run makes differently.
function M.rerun(dir, commands)
  local here = os.getenv("PWD") or ""
  if dir:sub(1, 1) ~= "/" and here ~= "" then dir = here .. "/" .. dir end
  local text = read(dir .. "/manifest.json") or fail("io", "rerun: no manifest.json in '%s'", dir)
  local m = core.json_decode(text)
  if type(m) ~= "table" or type(m.command) ~= "string" or not commands[m.command] or m.command == "rerun" then
    fail("io", "rerun: '%s/manifest.json' does not describe an indsim run", dir)
  end
  if m.engine and m.engine.version ~= core.version then
    io.stdout:flush(); io.stderr:write(("warning: the run was made with indsim %s, this is %s\n"):format(tostring(m.engine.version), core.version))
  end
  if m.cwd and m.cwd ~= "" then core.chdir(m.cwd) end -- the run's files are relative to its folder
  check_files(m)
  local o = m.options or {}
  local again = { files = o.files or {}, n = o.n, seed = o.seed, threads = o.threads, lang = o.lang, format = o.format,
                  no_plots = o.plots == false, years = o.years, paths = o.paths, ["until"] = o["until"],
                  out = dir .. "/.rerun", quiet = true, argv = {} }
  outputs, seen, scenarios = {}, {}, {}
  commands[m.command](again)
  local differ, changed, same = {}, {}, 0
  for _, f in ipairs(m.outputs or {}) do
    if compared(f.path) then
      local kept, now = read(dir .. "/" .. f.path), read(dir .. "/.rerun/" .. f.path)
      if not kept or core.sha256(kept) ~= f.sha256 then changed[#changed + 1] = f.path end
      if now and core.sha256(now) == f.sha256 then same = same + 1 else differ[#differ + 1] = f.path end
    end
  end
  local what = ("%s %s"):format(m.command, table.concat(o.files or {}, " "))
  if #changed > 0 then
    print(("rerun of '%s': files in %s changed since the run: %s"):format(what, dir, table.concat(changed, ", ")))
  end
  if #differ == 0 then
    print(("rerun of '%s': %d result files identical, bit for bit (in %s/.rerun)"):format(what, same, dir))
  else
    print(("rerun of '%s': %d result files identical, %d differ: %s"):format(what, same, #differ, table.concat(differ, ", ")))
  end
  return #differ + #changed
end

return M
