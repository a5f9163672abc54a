-- require and dofile in the sandbox: a scenario by module name (twice: the second from the
-- cache), a refused dofile, a missing module
local base = require "hanoi.baseline"
assert(require "hanoi.baseline" == base)
local refused = pcall(dofile, "/etc/hostname")
local missing = pcall(require, "no.such.module")
return base:with { name = "req", title = tostring(refused) .. tostring(missing),
                   policies = { policy.training { from = 2008, to = 2010, budget = 50 } } }
