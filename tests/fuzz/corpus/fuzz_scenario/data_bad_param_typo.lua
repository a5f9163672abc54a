-- Fixture (tests/lua/test_errors.lua, tests/cli/errors.sh): a misspelt
-- parameter inside a multi-line table constructor of a tail-called
-- `return scenario {...}`. The key 'alpah' is on LINE 14: keep it there.
return scenario {
  name = "bad param typo",
  period = { 2000, 2010 },
  sectors = { "a", "b" },
  params = {
    output0 = 1000,
    g = {
      a = 0.01,
      b = 0.02,
    },
    alpah = 0.5,
    delta = 0.05,
  },
}
