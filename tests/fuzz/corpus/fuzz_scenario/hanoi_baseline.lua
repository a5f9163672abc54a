-- The Hanoi baseline: hanoi/prior (the three ownership blocks, the period's
-- events, every assumption with its source and prior) calibrated to the
-- published growth figures to mid-2007. Single runs use the fitted values;
-- ensembles draw the fitted numbers from their posterior (a joint normal) and
-- every other uncertain number from its prior. `indsim calibrate
-- scenarios/hanoi/prior.lua` prints the fit.
return (calibrate(scenario.load "hanoi/prior", { name = "baseline" }))
