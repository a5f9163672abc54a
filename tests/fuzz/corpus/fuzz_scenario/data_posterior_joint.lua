-- Fixture (tests/cli/calibrate.sh): hanoi/prior with the posterior that
-- `indsim calibrate scenarios/hanoi/prior.lua` wrote, loaded back as its
-- joint distribution. The test runs it with --path OUT/baseline_prior, where
-- scenario.load "posterior" finds OUT/baseline_prior/posterior.lua. A single
-- run uses the joint's means: the calibrated values.
return scenario.load("hanoi/prior"):with {
  name = "prior_with_posterior",
  joints = { scenario.load "posterior" },
}
