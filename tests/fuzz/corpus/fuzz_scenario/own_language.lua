-- the sandbox's standard library and Lua itself
local t = setmetatable({}, { __index = function(_, k) return k * 2 end })
local s = string.format("%5.2f %s %q", math.pi, utf8.char(7855), "x\0y")
local parts = {}
for w in ("a,b,,c"):gmatch("[^,]*") do parts[#parts + 1] = w end
table.sort(parts)
local ok, err = pcall(error, { code = 1 })
local n = select("#", 1, nil, 3)
local y = os.date("!%Y", 0) + os.time { year = 2000, month = 1, day = 1 } * 0
local co = tostring(rawlen(parts)) .. (rawget(t, 1) or "r") .. t[21]
return scenario {
  name = ("lang %d %s"):format(n, s:sub(1, 4)),
  period = { math.tointeger(y) + 30, 2010 },
  sectors = { ("x"):rep(3), table.concat(parts, "_") .. "z" },
  params = { g = 0.01 * (ok and 1 or 2) + #tostring(err) * 0 + (co and 0 or 1) },
}
