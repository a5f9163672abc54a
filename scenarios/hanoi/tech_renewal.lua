-- The baseline plus one measure of the programme alone: technology renewal.
local base = scenario.load "hanoi/baseline"
local programme = scenario.load "hanoi/programme"

return base:with {
  name = "tech_renewal",
  title = { vi = "Đổi mới thiết bị, công nghệ", en = "Technology renewal" },
  policies = { programme.tech_renewal },
}
