-- prelude.lua — the names a scenario or script file sees: the scenario
-- language (scenario, policy, event, transfer, obs) and the analyses (run,
-- compare, write, plot). Assembled once per Lua state.
local scenario = require "indsim.scenario"
local measure = require "indsim.measure"
local observe = require "indsim.observe"
local catalogue = require "indsim.catalogue"
local loader = require "indsim.loader"
local api = require "indsim.api"
local options = require "indsim.options"
local dist = require "indsim.dist"
local calibrate = require "indsim.calibrate"
local analysis = require "indsim.analysis"
local charts = require "indsim.charts"

for name, f in pairs(charts) do api.plot[name] = f end

local policy = { define = measure.define, custom = measure.custom }
for _, name in ipairs(catalogue.order) do policy[name] = catalogue[name] end
function policy.catalogue()
  local out = {}
  for i, name in ipairs(catalogue.order) do out[i] = catalogue[name] end
  return out
end
-- policy.get(name): the catalogue's kind of that name, or an error naming the catalogue.
function policy.get(name)
  if catalogue[name] and type(name) == "string" then return catalogue[name] end
  require("indsim.check").fail(require("indsim.check").where(), {}, "unknown policy '%s' (the catalogue: %s)", tostring(name),
                               table.concat(catalogue.order, ", "))
end

-- An engine call from a user file: its time, instructions and memory do not
-- count against the file's limits (lind_limits.c); a limit that tripped
-- meanwhile is raised on return.
local core = require "indsim.core"
local function engine_call(f)
  return function(...)
    core.limits_pause()
    local r = table.pack(pcall(f, ...))
    core.limits_resume()
    if not r[1] then error(r[2], 0) end
    return table.unpack(r, 2, r.n)
  end
end
local function engine_calls(t)
  local out = {}
  for k, f in pairs(t) do out[k] = engine_call(f) end
  return out
end

local exports = {
  scenario = setmetatable({ load = engine_call(loader.load_scenario) }, { __call = function(_, t) return scenario.new(t) end }),
  policy = policy,
  event = measure.event,
  transfer = measure.transfer,
  obs = { level = observe.level, growth = observe.growth, avg_growth = observe.avg_growth,
          period_growth = observe.period_growth, from_csv = engine_call(observe.from_csv) },
  target = observe.targets,
  ensemble = engine_call(api.ensemble),
  calibrate = engine_call(calibrate.calibrate),
  economics = engine_call(api.economics),
  attribution = engine_call(analysis.attribution),
  optimize_split = engine_call(analysis.optimize_split),
  budget_for_target = engine_call(analysis.budget_for_target),
  sensitivity = engine_call(analysis.sensitivity),
  run = engine_call(api.run),
  compare = engine_call(api.compare),
  write = engine_call(api.write),
  write_fan = engine_call(api.write_fan),
  write_table = engine_call(function(file, columns, rows) return api.write_table(file, columns, rows) end),
  write_text = engine_call(api.write_text),
  plot = engine_calls(api.plot),
  output_dir = function() return options.out end,
  require = engine_call(loader.require_module),
  dofile = engine_call(loader.dofile),
  normal = dist.normal, lognormal = dist.lognormal, uniform = dist.uniform, triangular = dist.triangular,
  beta = dist.beta, choice = dist.choice, mvnormal = dist.mvnormal,
}

loader.set_exports(exports)
return exports
