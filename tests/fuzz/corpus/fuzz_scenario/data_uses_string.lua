-- Fixture (tests/lua/test_sandbox.lua): every file runs in an environment of
-- its own. This one uses string.upper (which the test removes from its own
-- copy first) and sets a global (which must not reach the test).
leaked_global = true
return scenario { name = string.upper("own env"), period = { 2000, 2001 }, sectors = { "a" } }
