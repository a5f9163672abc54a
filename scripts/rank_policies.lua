-- rank_policies.lua — which single measure gives the most per đồng spent?
-- Each kind of the policy catalogue (policy.catalogue()) is added alone to the
-- Hanoi baseline at its budget and timing in the city's programme
-- (scenarios/hanoi/programme.lua, the same scenario as hanoi/<name>), and the
-- measures are ranked by benefit-cost ratio. Central values come from
-- economics() (every uncertain number at its median); the 90 % bands of NPV and
-- BCR from an ensemble of N draws with the baseline in every draw (common
-- random numbers). Prints the ranked table, writes rank_policies.csv and draws
-- rank_policies.png (BCR of the central run, error bars: the 90 % band).
--   indsim script scripts/rank_policies.lua [N [POLICY ...]] [--seed S] [--out DIR]
-- N: draws per ensemble (default 500); POLICY: rank only these catalogue kinds.
-- e.g. indsim script scripts/rank_policies.lua 1000 training credit trade_promotion
local N_DEFAULT = 500


-- arg[1]: the number of draws; the rest: policy kinds (default: the whole catalogue).
local function parse_args()
  local n = N_DEFAULT
  if arg[1] ~= nil then
    n = math.tointeger(tonumber(arg[1]))
    if not n or n < 1 then
      error(("N = '%s': the number of draws is a whole number >= 1 (usage: rank_policies.lua [N [POLICY ...]])"):format(arg[1]), 0)
    end
  end
  local chosen = {}
  for i = 2, #arg do chosen[#chosen + 1] = policy.get(arg[i]).name end -- an unknown name: an error listing the catalogue
  if #chosen == 0 then
    for i, kind in ipairs(policy.catalogue()) do chosen[i] = kind.name end
  end
  return n, chosen
end

local n, names = parse_args()
local base = scenario.load "hanoi/baseline"
local programme = scenario.load "hanoi/programme"

-- One row per measure: its programme budget, the central cost-benefit and the bands.
local function evaluate(name)
  local p = programme.policies[name]
  if not p then error(("'%s' is in the catalogue but not in hanoi/programme: no budget to rank it at"):format(name), 0) end
  local sc = programme.alone(name)
  local central = economics(sc, { baseline = base })
  local e = ensemble(sc, { n = n, baseline = base, progress = false })
  local bands = e:economics()
  return { name = name, budget = p.cost, from = p.from, to = p.to, econ = central, npv = bands.npv, bcr = bands.bcr,
           draws = e.draws, failed = e.failed }
end

local rows = {}
for i, name in ipairs(names) do rows[i] = evaluate(name) end
table.sort(rows, function(a, b) return (a.econ.bcr or -math.huge) > (b.econ.bcr or -math.huge) end)

local function num(v, f) return v and f:format(v) or "—" end
local function band(st, f) return (st and st.q05) and ("%s – %s"):format(f:format(st.q05), f:format(st.q95)) or "—" end

local basis = rows[1].econ.basis
print(("Policies ranked by benefit-cost ratio, each alone against the Hanoi baseline; %d draws, common random numbers"):format(n))
print("Money: " .. basis)
print(("%-4s %-17s %9s %9s %8s %9s %9s %17s %6s %13s %8s"):format("rank", "policy", "bn/yr", "years", "PV cost", "PV benef.",
      "NPV", "NPV 90 % band", "BCR", "BCR 90 % band", "payback"))
for i, r in ipairs(rows) do
  local e = r.econ
  print(("%-4d %-17s %9g %9s %8s %9s %9s %17s %6s %13s %8s"):format(i, r.name, r.budget, ("%g-%g"):format(r.from, r.to),
        num(e.pv_cost, "%.0f"), num(e.pv_benefit, "%.0f"), num(e.npv, "%.0f"), band(r.npv, "%.0f"), num(e.bcr, "%.2f"),
        band(r.bcr, "%.2f"), e.payback_year and tostring(e.payback_year) or "never")
      .. (r.failed > 0 and ("  (%d draws failed, left out)"):format(r.failed) or ""))
end

-- rank_policies.csv
local COLUMNS = { "rank", "policy", "budget_bn_per_year", "from", "to", "pv_cost", "pv_benefit", "npv", "npv_q05", "npv_q50",
                  "npv_q95", "bcr", "bcr_q05", "bcr_q50", "bcr_q95", "payback_year", "draws", "failed", "basis" }
local function csv_row(i, r)
  local e = r.econ
  return { i, r.name, r.budget, r.from, r.to, e.pv_cost or false, e.pv_benefit or false, e.npv or false,
           r.npv.q05 or false, r.npv.q50 or false, r.npv.q95 or false, e.bcr or false, r.bcr.q05 or false,
           r.bcr.q50 or false, r.bcr.q95 or false, e.payback_year or false, r.draws, r.failed, basis }
end
local csv = {}
for i, r in ipairs(rows) do csv[i] = csv_row(i, r) end
print("Table: " .. write_table("rank_policies.csv", COLUMNS, csv))

local labels, bcr, lo, hi = {}, {}, {}, {}
for i, r in ipairs(rows) do
  labels[i], bcr[i], lo[i], hi[i] = ("%s (%g bn/yr)"):format(r.name, r.budget), r.econ.bcr, r.bcr.q05, r.bcr.q95
end
plot.ranking {
  title = "Tỷ số lợi ích/chi phí / Benefit-cost ratio of each measure alone",
  xlabel = ("benefit-cost ratio (bar: central run; error bar: 90 %% band over %d draws)"):format(n),
  labels = labels, series = { { name = "BCR", values = bcr, lo = lo, hi = hi } },
  file = "rank_policies.png",
}
print("Plot: " .. output_dir() .. "/rank_policies.png")
