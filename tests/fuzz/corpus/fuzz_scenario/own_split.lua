-- budget splits (the fuzz target keeps their sizes small)
local base = scenario { name = "base", period = { 2005, 2015 }, sectors = { "industry" } }
local best = optimize_split { baseline = base, policies = { policy.training, policy.industrial_zones },
                              total = 400, output = "value_added", year = 2012, grid = 2, max_iter = 5 }
local need = budget_for_target { baseline = base, policies = { policy.training },
                                 target = target.avg_growth { years = { 2008, 2012 }, pct = 9 }, n = 8, max_total = 500 }
print(best.budgets[1], need.total)
return base
