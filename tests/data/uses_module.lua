-- A scenario that takes a number from a helper module beside it (tests/data/modules/rates.lua):
-- loads in the sandbox and with --unsafe alike (hostile.sh).
local rates = require "modules.rates"
return scenario { name = "uses module", period = { 2000, 2001 }, sectors = { "a" },
                  economics = { discount_rate = rates.discount } }
