local s = string.rep("x", 1 << 20)
for i = 1, 40 do s = s .. s end
return scenario { name = s, period = { 2000, 2001 }, sectors = { "a" } }
