-- An optimistic outlook without the programme: the same history to 2007, then
-- faster productivity growth and stronger outside investment from 2008 (the
-- high ends of the sourced ranges).
local base = scenario.load "hanoi/baseline"

return base:with {
  name = "optimistic",
  title = { vi = "Kịch bản lạc quan", en = "Optimistic outlook" },
  add_events = {
    event { name = "strong_outlook", title = { vi = "Triển vọng mạnh", en = "Strong outlook" }, from = 2008, ramp = 2,
            effects = {
              { param = "g", add = 0.005, source = "TFP growth at the high end of 1-2 %/yr (data/README.md)" },
              { param = "gF", add = 0.03, source = "assumption: outside investment grows 3 points a year faster" },
            } },
  },
}
