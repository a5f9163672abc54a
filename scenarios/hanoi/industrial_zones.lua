-- The baseline plus one measure of the programme alone: industrial zones and investment promotion
-- (budget and timing in programme.lua).
return scenario.load("hanoi/programme").alone "industrial_zones"
