-- a metatable on the spec, errors raised from inside the engine's reading of it
local sectors = setmetatable({ "a" }, { __index = function(_, k) if k == 2 then error("boom") end end })
local ok = pcall(scenario, { name = "x", period = { 2000, 2010 }, sectors = sectors })
local ok2 = pcall(scenario, { name = "y", period = { 2010, 2000 }, sectors = { "a" } })
return scenario { name = "errors" .. tostring(ok) .. tostring(ok2), period = { 2000, 2010 }, sectors = { "a", "b" },
                  params = setmetatable({}, { __pairs = function() error("no pairs") end }) }
