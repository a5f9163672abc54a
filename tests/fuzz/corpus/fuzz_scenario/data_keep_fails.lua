-- Fixture (tests/cli/errors.sh): a scenario with the name of keep.lua (so the
-- same output folder) whose solve fails: the ODE solver may take one step per
-- stretch (solver.max_steps = 1) and a year needs many. indsim must exit 4
-- (numerical failure) and write nothing.
return scenario {
  name = "keep",
  period = { 2000, 2010 },
  sectors = { "a", "b" },
  solver = { max_steps = 1 },
}
