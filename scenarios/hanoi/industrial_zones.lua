-- The baseline plus one measure of the programme alone: industrial zones.
local base = scenario.load "hanoi/baseline"
local programme = scenario.load "hanoi/programme"

return base:with {
  name = "industrial_zones",
  title = { vi = "Khu, cụm công nghiệp", en = "Industrial zones" },
  policies = { programme.industrial_zones },
}
