-- The built-in Hanoi default of `indsim run`: the baseline first (gains are
-- measured against it), then the full programme, then each measure alone.
local set = { scenario.load "hanoi/baseline", scenario.load "hanoi/package" }
for _, name in ipairs { "business_env", "training", "tech_renewal", "credit", "industrial_zones", "trade_promotion" } do
  set[#set + 1] = scenario.load("hanoi/" .. name)
end
return set
