-- The baseline plus the whole programme, every measure at its budget
-- (820 bn VND a year, 2008-2015).
local base = scenario.load "hanoi/baseline"
local p = scenario.load "hanoi/programme"

return base:with {
  name = "package",
  title = { vi = "Toàn bộ chương trình hỗ trợ", en = "Full support programme" },
  policies = { p.business_env, p.training, p.tech_renewal, p.credit, p.industrial_zones, p.trade_promotion },
}
