-- hostile: a table whose __index never returns, handed to the engine (plot.lines reads
-- its fields inside an engine call, where the engine's own time does not count): the
-- file's own instructions still do, so --max-instructions stops it.
local series = setmetatable({}, { __index = function() while true do end end })
plot.lines { x = { 1, 2 }, series = { series } }
return scenario { name = "callback loop", period = { 2000, 2001 }, sectors = { "a" } }
