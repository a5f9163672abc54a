-- LeakSanitizer: 2 gsl_vector (x0, step) leaked by core.minimize
-- (engine/binding/lind_util.c, util_minimize) when the objective raises an
-- error during gsl_multimin_fminimizer_set: here optimize_split's first split
-- scenario fails its check (from = "x"), inside min_call's lua_call.
-- Reproduce: build-fuzz/fuzz/fuzz_scenario tests/fuzz/crashes/fuzz_scenario/leak-minimize-objective-error.lua
--        or: ./build-asan/indsim check tests/fuzz/crashes/fuzz_scenario/leak-minimize-objective-error.lua
local base = scenario { name = "base", period = { 2005, 2015 }, sectors = { "industry" } }
optimize_split { baseline = base, policies = { policy.training, policy.credit }, total = 100, from = "x", year = 2010 }
