-- Fixture (tests/cli/errors.sh): a syntax error, a comma missing at the
-- end of line 5; Lua reports it on LINE 6: keep it there.
return scenario {
  name = "syntax",
  period = { 2000, 2010 }
  sectors = { "a" },
}
