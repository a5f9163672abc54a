-- the Hanoi baseline with one more policy
local base = scenario.load "hanoi/baseline"
return base:with {
  name = "training 150",
  title = { vi = "Đào tạo 150 tỷ/năm", en = "Training, 150 bn VND a year" },
  policies = { policy.training { from = 2008, to = 2015, budget = 150 } },
}
