-- The baseline plus one measure of the programme alone: trade and market promotion
-- (budget and timing in programme.lua).
return scenario.load("hanoi/programme").alone "trade_promotion"
