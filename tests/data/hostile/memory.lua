-- hostile: a file that eats memory (the allocator's limit stops it)
local t = {}
for i = 1, 1e9 do t[i] = ("x"):rep(1024) .. i end
