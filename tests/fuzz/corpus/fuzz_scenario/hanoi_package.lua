-- The baseline plus the whole programme, every measure at its budget
-- (720 bn VND a year, 2008-2015: 5 760 bn in all; programme.lua).
return scenario.load("hanoi/programme").package()
