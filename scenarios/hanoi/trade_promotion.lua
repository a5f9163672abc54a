-- The baseline plus one measure of the programme alone: trade promotion.
local base = scenario.load "hanoi/baseline"
local programme = scenario.load "hanoi/programme"

return base:with {
  name = "trade_promotion",
  title = { vi = "Xúc tiến thương mại", en = "Trade promotion" },
  policies = { programme.trade_promotion },
}
