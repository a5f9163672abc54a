-- hostile: a runaway loop the file tries to catch with pcall and go on
local ok = pcall(function() while true do end end)
print("caught the limit and went on:", ok)
return scenario { name = "after", period = { 2000, 2001 }, sectors = { "a" } }
