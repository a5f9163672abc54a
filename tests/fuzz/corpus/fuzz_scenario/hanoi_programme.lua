-- The city's support programme for industrial enterprises as it would run
-- from 2008: the two measures the seed document describes (business
-- environment and administrative reform; training) and the four such
-- programmes usually go on with. The scenario files of this folder build on
-- it (programme.alone "training", programme.package()), so every budget is
-- stated once.
-- Budgets are in bn VND a year (current prices), paid from `from` to `to`;
-- each effect saturates with the budget (engine/lua/catalogue.lua gives the
-- maximum effects and half-saturation budgets with their sources).
local FROM, TO = 2008, 2015 -- the 2006-2010 plan (QĐ 113/2006) carried on to 2015

local policies = {
  business_env = policy.business_env {
    from = FROM, to = TO, budget = 20, -- one-stop shops, task force, hotline: staff time (assumption)
    source = "seed programme item 1",
  },
  training = policy.training {
    from = FROM, to = TO, budget = 100, -- managers' and technical workers' training (assumption)
    source = "seed programme item 2",
  },
  tech_renewal = policy.tech_renewal {
    from = FROM, to = TO, budget = 150, targets = { "state", "non_state" }, -- small firms with dated equipment (seed)
    source = "usual continuation of such programmes",
  },
  credit = policy.credit {
    from = FROM, to = TO, budget = 100, targets = { "non_state" }, -- private SMEs are the credit-constrained (assumption)
    source = "usual continuation of such programmes",
  },
  industrial_zones = policy.industrial_zones {
    from = FROM, to = TO, budget = 300, targets = { "non_state", "fdi" }, -- land for new investors (assumption)
    source = "usual continuation of such programmes; 9 zones and 11 clusters in 2007",
  },
  trade_promotion = policy.trade_promotion {
    from = FROM, to = TO, budget = 50, targets = { "state", "non_state" }, -- FDI firms sell through their own networks
    source = "usual continuation of such programmes",
  },
}

local M = { policies = policies,
            order = { "business_env", "training", "tech_renewal", "credit", "industrial_zones", "trade_promotion" } }

-- The baseline plus one measure alone, named and titled after it.
function M.alone(name)
  local p = policies[name] or error("no measure '" .. tostring(name) .. "' in the programme")
  return scenario.load("hanoi/baseline"):with { name = name, title = p.title, policies = { p } }
end

-- The baseline plus every measure.
function M.package()
  local list = {}
  for i, name in ipairs(M.order) do list[i] = policies[name] end
  return scenario.load("hanoi/baseline"):with {
    name = "package",
    title = { vi = "Toàn bộ chương trình hỗ trợ", en = "Full support programme" },
    policies = list,
  }
end

return M
