-- hostile: every way out of the sandbox it can think of; each must fail. The
-- file reports what it got (CANARY: the file tests/cli/hostile.sh watches)
local CANARY = "/tmp/indsim_hostile_canary"
local tries = {
  function() return io.open(CANARY, "w") end,
  function() return os.execute("touch " .. CANARY) end,
  function() return io.popen("touch " .. CANARY) end,
  function() return require("os").execute("touch " .. CANARY) end,
  function() return dofile(CANARY) end,
  function() return dofile("/etc/hostname") end,
  function() return load("return 1") end,
  function() return package.loadlib("libc.so.6", "system") end,
  function() return debug.getregistry() end,
  function() return string.dump(print) end,
  function() return getmetatable("").__index end,
  function() return scenario.load("/etc/hostname.lua") end,
  function() return write_text("../escaped.txt", "x") end,
  function() return write_table("/tmp/escaped.csv", { "a" }, {}) end,
  function() return obs.from_csv("/etc/passwd") end,
}
local got = 0
for i, try in ipairs(tries) do
  local ok, v = pcall(try)
  if ok and v ~= nil then print("ESCAPED", i, tostring(v)) else got = got + 1 end
end
print(("refused %d of %d"):format(got, #tries))
return scenario { name = "escape", period = { 2000, 2001 }, sectors = { "a" } }
