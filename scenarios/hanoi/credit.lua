-- The baseline plus one measure of the programme alone: access to credit.
local base = scenario.load "hanoi/baseline"
local programme = scenario.load "hanoi/programme"

return base:with {
  name = "credit",
  title = { vi = "Tiếp cận tín dụng", en = "Access to credit" },
  policies = { programme.credit },
}
