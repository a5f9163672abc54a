-- The baseline plus one measure of the programme alone: workforce training.
local base = scenario.load "hanoi/baseline"
local programme = scenario.load "hanoi/programme"

return base:with {
  name = "training",
  title = { vi = "Đào tạo nguồn nhân lực", en = "Workforce training" },
  policies = { programme.training },
}
