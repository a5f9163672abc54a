-- strength_sweep.lua — diminishing returns of one policy: the gain in
-- production value over the baseline in 2015 as the yearly budget of one
-- measure grows from 0 to 1000 bn VND (2008-2015), and the gain per
-- billion spent. Each catalogue effect saturates, effect = e_max·B/(B + B50).
--   indsim script scripts/strength_sweep.lua [POLICY [YEAR]]
local name = arg[1] or "training"
local year = tonumber(arg[2]) or 2015
local P = policy[name] or error(("unknown policy '%s'"):format(tostring(name)))

local base = scenario.load "hanoi/baseline"
local baseline = run(base)
local budgets, gains, per_bn = {}, {}, {}
print(("%s: gain in %d against the yearly budget (2008-2015)"):format(name, year))
print(("%10s %12s %14s %22s"):format("budget", "gain %", "gain bn VND", "gain per bn spent/yr"))
for _, b in ipairs { 0, 25, 50, 100, 150, 200, 300, 400, 600, 800, 1000 } do
  local r = run(base:with { name = ("%s %g"):format(name, b), policies = { P { from = 2008, to = 2015, budget = b } } })
  local gain = r:get("production_value", year) - baseline:get("production_value", year)
  budgets[#budgets + 1] = b
  gains[#gains + 1] = 100 * gain / baseline:get("production_value", year)
  per_bn[#per_bn + 1] = b > 0 and gain / b or nil
  print(("%10g %12.2f %14.0f %22s"):format(b, gains[#gains], gain, b > 0 and ("%.1f"):format(gain / b) or "-"))
end

plot.lines {
  x = budgets,
  series = { { name = ("%d"):format(year), y = gains } },
  title = ("%s: chênh lệch theo ngân sách / gain against the yearly budget"):format(name),
  xlabel = "Ngân sách (tỷ đồng/năm) / Budget (bn VND a year)",
  ylabel = ("Chênh lệch %d so với cơ sở (%%) / Gain over baseline (%%)"):format(year),
  file = ("sweep_%s.png"):format(name),
}
print("Plot: " .. output_dir() .. ("/sweep_%s.png"):format(name))
