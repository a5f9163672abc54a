-- A pessimistic outlook without the programme: the same history to 2007, then
-- slower productivity growth and weaker outside investment from 2008 (the low
-- ends of the sourced ranges). Compare with the baseline:
--   indsim compare scenarios/hanoi/baseline.lua scenarios/hanoi/pessimistic.lua
local base = scenario.load "hanoi/baseline"

return base:with {
  name = "pessimistic",
  title = { vi = "Kịch bản bi quan", en = "Pessimistic outlook" },
  add_events = {
    event { name = "weak_outlook", title = { vi = "Triển vọng yếu", en = "Weak outlook" }, from = 2008, ramp = 2,
            effects = {
              { param = "g", add = -0.005, source = "TFP growth at the low end of 1-2 %/yr (data/README.md)" },
              { param = "gF", add = -0.03, source = "assumption: outside investment grows 3 points a year slower" },
              { param = "n", add = -0.01, source = "assumption: employment grows a point slower" },
            } },
  },
}
