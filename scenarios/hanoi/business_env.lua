-- The baseline plus one measure of the programme alone: business environment and administrative reform
-- (budget and timing in programme.lua).
return scenario.load("hanoi/programme").alone "business_env"
