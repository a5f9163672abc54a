-- The baseline plus one measure of the programme alone: workforce and management training
-- (budget and timing in programme.lua).
return scenario.load("hanoi/programme").alone "training"
