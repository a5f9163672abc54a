-- budget_split.lua — one budget, two policies: how should the city split
-- 300 bn VND a year (2008-2015) between workforce training and industrial
-- zones? Runs the baseline and eleven splits, prints the gain in production
-- value over the baseline in 2015 and 2020 for each, and plots it.
--   indsim script scripts/budget_split.lua [TOTAL [POLICY_A POLICY_B]]
-- e.g. indsim script scripts/budget_split.lua 500 training tech_renewal
local total = tonumber(arg[1]) or 300
local a_name, b_name = arg[2] or "training", arg[3] or "industrial_zones"
local A, B = policy[a_name], policy[b_name]
if not A or not B then error(("unknown policy '%s' or '%s' (the catalogue: business_env, training, tech_renewal, credit, industrial_zones, trade_promotion)"):format(a_name, b_name)) end

local base = scenario.load "hanoi/baseline"
local baseline = run(base)
local years = { 2015, 2020 }
local shares, gains = {}, { {}, {} }

print(("Splitting %g bn VND a year (2008-2015) between %s and %s"):format(total, a_name, b_name))
print(("%-8s %10s %10s %12s %12s"):format("share A", a_name, b_name, "gain 2015 %", "gain 2020 %"))
for step = 0, 10 do
  local share = step / 10
  local r = run(base:with {
    name = ("%s %d%%"):format(a_name, step * 10),
    policies = { A { from = 2008, to = 2015, budget = total * share },
                 B { from = 2008, to = 2015, budget = total * (1 - share) } },
  })
  shares[#shares + 1] = 100 * share
  for k, y in ipairs(years) do
    gains[k][#gains[k] + 1] = 100 * (r:get("production_value", y) / baseline:get("production_value", y) - 1)
  end
  print(("%7.0f%% %10.0f %10.0f %12.2f %12.2f"):format(100 * share, total * share, total * (1 - share), gains[1][#gains[1]], gains[2][#gains[2]]))
end

local best = 1
for i = 2, #shares do if gains[1][i] > gains[1][best] then best = i end end
print(("Largest gain in 2015: %.0f%% of the budget to %s (+%.2f %% of production value)"):format(shares[best], a_name, gains[1][best]))

plot.lines {
  x = shares,
  series = { { name = "2015", y = gains[1] }, { name = "2020", y = gains[2] } },
  title = ("Chia ngân sách / Budget split: %g bn VND/yr, %s vs %s"):format(total, a_name, b_name),
  xlabel = ("Phần dành cho %s (%%) / Share to %s (%%)"):format(a_name, a_name),
  ylabel = "Chênh lệch so với cơ sở (%) / Gain over baseline (%)",
  file = "budget_split.png",
}
print("Plot: " .. output_dir() .. "/budget_split.png")
