-- The baseline plus one measure of the programme alone: access to credit
-- (budget and timing in programme.lua).
return scenario.load("hanoi/programme").alone "credit"
