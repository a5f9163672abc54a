-- hostile: a loop inside a C function (Lua's pattern matcher backtracking
-- ~2^40 times), where no instruction hook fires: the watchdog ends it
local s = ("a"):rep(40)
return string.find(s, ("a?"):rep(40) .. ("a"):rep(40))
