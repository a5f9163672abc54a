-- tolerance.lua — how far the default solver tolerances are from a tight
-- reference: every scenario of the Hanoi default is run as it is and with
-- rtol = 1e-10, atol = 1e-12; prints the largest relative difference of the
-- annual production value over all years, sectors and the total.
--   indsim script tests/bench/tolerance.lua
local set = scenario.load "hanoi/default"
local worst, where = 0, ""
for _, sc in ipairs(set) do
  local r = run(sc)
  local ref = run(sc:with { name = sc.name .. " (reference)", solver = { rtol = 1e-10, atol = 1e-12 } })
  for _, sector in ipairs { "total", table.unpack(r.sectors) } do
    for y = r.first_year, r.last_year do
      local a, b = r:get("production_value", y, sector), ref:get("production_value", y, sector)
      local d = math.abs(a - b) / math.abs(b)
      if d > worst then worst, where = d, ("%s, %s, %d"):format(sc.name, sector, y) end
    end
  end
end
print(("max relative difference of annual production value, default vs rtol 1e-10: %.3g (%s)"):format(worst, where))
print(worst < 1e-6 and "below 1e-6: OK" or "NOT below 1e-6")
