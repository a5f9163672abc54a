-- test_errors.lua — what a planner sees when a scenario is wrong: every error
-- is an indsim error object (kind "scenario", a message, __tostring) whose
-- message starts "file:line: key.path: " with the line of the offending key
-- (also inside multi-line table constructors), suggests the closest name for
-- a typo, says which type was expected, and gives the allowed range.
-- Fixtures with fixed line numbers are in tests/data/bad_*.lua.
-- Run: indsim script tests/lua/test_errors.lua (from the source folder).
-- Checks: tests/lua/harness.lua (loaded once, one checker per test file).
local FILE = arg[0]
local h = scenario.load("tests/lua/harness.lua").new(FILE)
local raises, here, done = h.raises, h.here, h.done

local function at(line) return ("%s:%d: "):format(FILE, line) end
local function fixture(name) return "tests/data/" .. name .. ".lua" end
local function load_fixture(name) return function() scenario.load(fixture(name)) end end
local base = scenario { name = "ok", period = { 2000, 2010 }, sectors = { "a", "b" } }
local L

-- Typos: the key, its line inside a multi-line constructor, the suggestion.
L = here()
raises("unknown parameter 'alpah' in a multi-line params table", function()
  scenario {
    name = "x", period = { 2000, 2010 },
    sectors = { "a" },
    params = {
      delta = 0.05,
      alpah = 0.5,
    },
  }
end, "scenario", at(L + 7) .. "params.alpah: ", "unknown parameter 'alpah'", "did you mean 'alpha'?")
L = here()
raises("policy.training { form = 2008 }", function()
  policy.training {
    budget = 100,
    form = 2008,
  }
end, "scenario", at(L + 4) .. "form: ", "unknown key 'form' in policy.training", "did you mean 'from'?")
raises("scenario { perod = }", function() scenario { name = "x", perod = { 2000, 2010 }, sectors = { "a" } } end,
       "scenario", at(here() - 1) .. "perod: ", "did you mean 'period'?")
raises("base:with { add_policy = }", function() base:with { name = "y", add_policy = {} } end,
       "scenario", at(here() - 1) .. "add_policy: ", "did you mean 'add_policies'?")
L = here()
raises("an effect on 'thetta'", function()
  policy.custom {
    name = "x", from = 2005,
    effects = { { param = "thetta", add = 0.1 } },
  }
end, "scenario", at(L + 4) .. "effects[1]: ", "unknown parameter 'thetta'", "did you mean 'theta'?")

-- Wrong types.
raises("name = 5", function() scenario { name = 5, period = { 2000, 2010 }, sectors = { "a" } } end,
       "scenario", at(here() - 1) .. "name: ", "string expected", "got number")
raises("period = '2000-2030'", function() scenario { name = "x", period = "2000-2030", sectors = { "a" } } end,
       "scenario", at(here() - 1) .. "period: ", "{first_year, last_year}")
raises("policy.training { from = '2008' }", function() policy.training { from = "2008", budget = 100 } end,
       "scenario", at(here() - 1) .. "from: ", "number expected", "got string")
L = here()
raises("params.g = 'fast'", function()
  scenario {
    name = "x", period = { 2000, 2010 }, sectors = { "a" },
    params = {
      g = "fast",
    },
  }
end, "scenario", at(L + 5) .. "params.g: ", "got string")

-- Values out of range, with the allowed range.
L = here()
raises("alpha = 1.5", function()
  scenario {
    name = "x", period = { 2000, 2010 }, sectors = { "a" },
    params = {
      s = 0.2,
      alpha = 1.5,
    },
  }
end, "scenario", at(L + 6) .. "params.alpha: ", "1.5", "outside the allowed range [0.05, 0.95]")
raises("a share above 1 (s = 1.2)", function() scenario { name = "x", period = { 2000, 2010 }, sectors = { "a" }, params = { s = 1.2 } } end,
       "scenario", at(here() - 1) .. "params.s: ", "1.2", "allowed range [0, 1]")
L = here()
raises("a share below 0 in one sector (s.b = -0.1)", function()
  scenario {
    name = "x", period = { 2000, 2010 }, sectors = { "a", "b" },
    params = {
      s = {
        a = 0.2,
        b = -0.1,
      },
    },
  }
end, "scenario", at(L + 7) .. "params.s.b: ", "-0.1", "allowed range [0, 1]")
raises("skilled0 = 1.3", function() scenario { name = "x", period = { 2000, 2010 }, sectors = { "a" }, params = { skilled0 = 1.3 } } end,
       "scenario", at(here() - 1) .. "params.skilled0: ", "allowed range [0, 1]")
raises("negative depreciation (delta = -0.05)", function() scenario { name = "x", period = { 2000, 2010 }, sectors = { "a" }, params = { delta = -0.05 } } end,
       "scenario", at(here() - 1) .. "params.delta: ", "-0.05", "allowed range [0, 1]")
raises("a value outside its own stated range", function() scenario { name = "x", period = { 2000, 2010 }, sectors = { "a" }, params = { alpha = { 0.7, range = { 0.4, 0.65 } } } } end,
       "scenario", at(here() - 1) .. "params.alpha: ", "stated range [0.4, 0.65]")
L = here()
raises("a policy ending before it starts", function()
  policy.training {
    from = 2010,
    to = 2008,
    budget = 50,
  }
end, "scenario", at(L + 4) .. "to: ", "ends (to = 2008) before it starts (from = 2010)")
raises("a negative budget", function() policy.training { from = 2008, budget = -5 } end,
       "scenario", at(here() - 1) .. "budget: ", "-5", "allowed range")
raises("strength above 1", function() policy.training { from = 2008, strength = 1.5 } end,
       "scenario", at(here() - 1) .. "strength: ", "1.5", "allowed range [0, 1]")
raises("an effect size at the saturation limit", function() policy.training { from = 2008, rate = 0.08 } end,
       "scenario", at(here() - 1) .. "rate: ", "largest effect")
raises("neither budget, strength nor effect sizes", function() policy.training { from = 2008 } end,
       "scenario", at(here() - 1), "exactly one of budget")
raises("both budget and strength", function() policy.training { from = 2008, budget = 10, strength = 0.2 } end,
       "scenario", at(here() - 1), "exactly one of budget")
raises("a transfer rate above 10 a year", function() transfer { name = "t", from_sector = "a", to_sector = "b", rate = 20, from = 2005 } end,
       "scenario", at(here() - 1) .. "rate: ", "allowed range [0, 10]")
raises("an effect on a starting value (alpha)", function() policy.custom { name = "x", from = 2005, effects = { { param = "alpha", add = 0.1 } } } end,
       "scenario", at(here() - 1) .. "effects[1]: ", "starting value")
raises("an effect with both add and mul", function() policy.custom { name = "x", from = 2005, effects = { { param = "g", add = 0.1, mul = 0.1 } } } end,
       "scenario", at(here() - 1) .. "effects[1]: ", "exactly one of add = or mul =")

-- Observations outside the period.
L = here()
raises("a level observed after the period", function()
  scenario {
    name = "x", period = { 2000, 2010 }, sectors = { "a" },
    observations = {
      obs.level {
        year = 2011,
        value = 5,
      },
    },
  }
end, "scenario", at(L + 6) .. "year: ", "outside the scenario's period 2000..2010")
raises("an average growth from the first year (needs the year before)", function()
  scenario { name = "x", period = { 2000, 2010 }, sectors = { "a" }, observations = { obs.avg_growth { years = { 2000, 2005 }, pct = 5 } } }
end, "scenario", at(here() - 1) .. "years: ", "1999", "outside the scenario's period 2000..2010")

-- Unknown sectors: in targets, observations, per-sector parameters, transfers.
L = here()
raises("an unknown sector in a policy's targets", function()
  base:with {
    name = "y",
    policies = { policy.custom {
      name = "p", from = 2005,
      targets = { "a", "c" },
      effects = { { param = "g", add = 0.01 } },
    } },
  }
end, "scenario", at(L + 6) .. "targets: ", "no sector 'c'")
L = here()
raises("an unknown sector in a catalogue policy's targets", function()
  base:with {
    name = "y",
    policies = {
      policy.training { from = 2008, budget = 10, targets = "nope" },
    },
  }
end, "scenario", at(L + 5) .. "targets: ", "no sector 'nope'")
L = here()
raises("an unknown sector in an observation", function()
  base:with {
    name = "y",
    observations = {
      obs.growth { year = 2005, pct = 3,
                   sector = "nope" },
    },
  }
end, "scenario", at(L + 6) .. "sector: ", "no sector 'nope'")
L = here()
raises("an unknown sector in a per-sector parameter", function()
  base:with {
    name = "y",
    params = {
      g = { a = 0.01,
            nope = 0.02 },
    },
  }
end, "scenario", at(L + 6) .. "params.g.nope: ", "no sector 'nope'")
raises("an unknown sector in a transfer", function()
  base:with { name = "y", events = { transfer { name = "t", from_sector = "a", to_sector = "z", rate = 0.1, from = 2005 } } }
end, "scenario", at(here() - 1) .. "to_sector: ", "no sector 'z'")

-- Units.
raises("alpha given in '%'", function() scenario { name = "x", period = { 2000, 2010 }, sectors = { "a" }, params = { alpha = { 0.5, unit = "%" } } } end,
       "scenario", at(here() - 1) .. "params.alpha: ", "unit '%' given", "'fraction'")
raises("kappa by sector given in 'months'", function() scenario { name = "x", period = { 2000, 2010 }, sectors = { "a" }, params = { kappa = { a = 2, unit = "months" } } } end,
       "scenario", at(here() - 1) .. "params.kappa: ", "unit 'months' given", "'years'")

-- Fixtures: exact lines in files written the way users write them.
raises("fixture bad_param_typo.lua: return scenario{...}, misspelt parameter on line 14", load_fixture("bad_param_typo"),
       "scenario", fixture("bad_param_typo") .. ":14: params.alpah: ", "did you mean 'alpha'?")
raises("fixture bad_policy_typo.lua: return base:with{...}, 'form' on line 11", load_fixture("bad_policy_typo"),
       "scenario", fixture("bad_policy_typo") .. ":11: form: ", "unknown key 'form' in policy.training", "did you mean 'from'?")
raises("fixture bad_range.lua: alpha = 1.5 on line 12", load_fixture("bad_range"),
       "scenario", fixture("bad_range") .. ":12: params.alpha: ", "1.5", "allowed range [0.05, 0.95]")
raises("fixture bad_obs_period.lua: observation of 1999 on line 10", load_fixture("bad_obs_period"),
       "scenario", fixture("bad_obs_period") .. ":10: year: ", "outside the scenario's period 2000..2010")
raises("fixture bad_with_noname.lua: with{} without a name, on line 6", load_fixture("bad_with_noname"),
       "scenario", fixture("bad_with_noname") .. ":6: name: ", "own name")

-- Not a scenario at all.
raises("scenario.load of a missing scenario", function() scenario.load "nowhere/nothing" end,
       "scenario", at(here() - 1), "no scenario 'nowhere/nothing'")
raises("run of something that is not a scenario", function() run(42) end,
       "scenario", at(here() - 1), "run expects a scenario")

done()
