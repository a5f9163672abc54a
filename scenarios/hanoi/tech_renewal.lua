-- The baseline plus one measure of the programme alone: technology and equipment renewal
-- (budget and timing in programme.lua).
return scenario.load("hanoi/programme").alone "tech_renewal"
