-- Fixture (tests/cli/mc.sh): the Hanoi baseline with two plan targets on the
-- average growth of 2006-2010: 15 % a year (the 2006-2010 plan, QĐ 113/2006;
-- the calibrated baseline's draws mostly meet it) and 19 % a year (about the
-- median of the draws). indsim mc writes their probabilities of being met to
-- targets.csv.
local baseline = scenario.load "hanoi/baseline"
return baseline:with {
  name = "plan_targets",
  targets = {
    target.avg_growth { years = { 2006, 2010 }, pct = 15 },
    target.avg_growth { years = { 2006, 2010 }, pct = 19 },
  },
}
