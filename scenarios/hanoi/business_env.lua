-- The baseline plus one measure of the programme alone: business environment.
local base = scenario.load "hanoi/baseline"
local programme = scenario.load "hanoi/programme"

return base:with {
  name = "business_env",
  title = { vi = "Cải thiện môi trường kinh doanh", en = "Business environment" },
  policies = { programme.business_env },
}
