-- A module for require/dofile in test_sandbox.lua: returns a fresh table each time it runs.
return { discount = 0.1, runs = {} }
