-- the catalogue by budget, strength and size; a kind of one's own; policy.custom
local audit = policy.define {
  name = "energy_audit",
  title = { vi = "Kiểm toán năng lượng", en = "Energy audits" },
  effects = {
    tfp = { param = "g", add = { 0.003, range = { 0.001, 0.005 }, source = "assumption" } },
    vintage = { param = "m_new", add = 0.1, source = "assumption" },
  },
  B50 = { 40, range = { 20, 80 }, source = "assumption" },
  ramp = 1, decay = 2,
  targets = { "state" },
}
return scenario {
  name = "policies",
  period = { 2000, 2020 },
  sectors = { "state", "non_state", "fdi" },
  policies = {
    policy.training { from = 2008, to = 2015, budget = 150 },
    policy.tech_renewal { from = 2008, to = 2015, strength = 0.5, targets = "fdi" },
    policy.credit { from = 2009, invest = 0.02, targets = { "state", "non_state" } },
    policy.business_env { from = 2008, to = 2012, budget = 20, ramp = 2, decay = 3 },
    policy.industrial_zones { from = 2010, to = 2020, budget = 600 },
    policy.trade_promotion { from = 2008, to = 2010, strength = 0.9 },
    audit { from = 2009, to = 2015, budget = 40 },
    policy.custom { name = "reform", from = 2008, to = 2011, ramp = 2, decay = 3, cost = 5,
                    effects = { { param = "E_target", add = 10 } } },
    policy.custom { name = "skills fund", from = 2010, ramp = 2, budget = 60, B50 = 60,
                    effects = { { param = "r", add = 0.03 }, { param = "q", mul = 0.2 } } },
    policy.custom { name = "equitisation push", from = 2009, to = 2012, cost = 10, targets = "state",
                    transfers = { { from_sector = "state", to_sector = "non_state", rate = 0.02 } } },
  },
}
