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

local exports = {
  scenario = setmetatable({ load = loader.load_scenario }, { __call = function(_, t) return scenario.new(t) end }),
  policy = policy,
  event = measure.event,
  transfer = measure.transfer,
  obs = { level = observe.level, growth = observe.growth, avg_growth = observe.avg_growth,
          period_growth = observe.period_growth },
  target = observe.targets,
  ensemble = api.ensemble,
  calibrate = calibrate.calibrate,
  economics = api.economics,
  attribution = analysis.attribution,
  optimize_split = analysis.optimize_split,
  budget_for_target = analysis.budget_for_target,
  sensitivity = analysis.sensitivity,
  run = api.run,
  compare = api.compare,
  write = api.write,
  write_fan = api.write_fan,
  write_table = function(file, columns, rows) return api.write_table(file, columns, rows) end,
  write_text = api.write_text,
  plot = api.plot,
  output_dir = function() return options.out end,
  normal = dist.normal, lognormal = dist.lognormal, uniform = dist.uniform, triangular = dist.triangular,
  beta = dist.beta, choice = dist.choice, mvnormal = dist.mvnormal,
}

loader.set_exports(exports)
return exports
