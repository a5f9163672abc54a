-- Fixture (tests/lua/test_errors.lua, tests/cli/errors.sh): 'form' for
-- 'from' in a policy of a tail-called `return base:with {...}`.
-- The key 'form' is on LINE 11: keep it there.
local base = scenario.load "hanoi/baseline"

return base:with {
  name = "bad policy typo",
  policies = {
    policy.training {
      budget = 150,
      form = 2008,
      to = 2015,
    },
  },
}
