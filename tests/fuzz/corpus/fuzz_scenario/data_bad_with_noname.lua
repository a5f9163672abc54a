-- Fixture (tests/lua/test_errors.lua): a scenario derived with :with{}
-- but given no name of its own (only its policy has one). The error
-- belongs to the `return base:with {` on LINE 6: keep it there.
local base = scenario.load "hanoi/baseline"

return base:with {
  title = { vi = "Đào tạo 150 tỷ/năm", en = "Training, 150 bn VND a year" },
  policies = {
    policy.training { name = "training 150", from = 2008, to = 2015, budget = 150 },
  },
}
