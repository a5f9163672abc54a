-- costbenefit.lua — the cost-benefit part of `indsim run` and `compare`: each
-- scenario against the baseline (the first one), from its central run (every
-- uncertain number at its median) and, over an ensemble with common random
-- numbers, the 90 % bands; printed as a table, written as economics.csv (one
-- line per scenario at the top of the output folder, and per year in each
-- scenario's folder) and drawn (NPV with its band; the cumulative NPV).
local api = require "indsim.api"
local options = require "indsim.options"
local words = require "indsim.words"

local M = {}

-- evaluate(scenarios, results, {n =, seed =, threads =}) -> rows, one per
-- scenario after the first: {name, econ = economics(), bands = e:economics() | nil}.
-- n = 0: central runs only.
function M.evaluate(scenarios, results, opts)
  local rows = {}
  for i = 2, #results do
    local row = { name = results[i].name, title = scenarios[i].title, econ = api.economics(results[i], { baseline = results[1] }) }
    if opts.n > 0 then
      local e = api.ensemble(scenarios[i], { n = opts.n, seed = opts.seed, threads = opts.threads, baseline = scenarios[1],
                                             progress = false })
      row.bands, row.draws, row.failed = e:economics(), e.draws, e.failed
      row.year_bands = e:economics_years()
    end
    rows[#rows + 1] = row
  end
  return rows
end

local function fmt(v, f) return v and f:format(v) or "—" end

local function band(st, f)
  if not st or not st.q05 then return "—" end
  return ("%s – %s"):format(f:format(st.q05), f:format(st.q95))
end

-- The share of the draws with a positive NPV, as a percentage.
local function share(st)
  if not st or not st.p_positive or st.p_positive ~= st.p_positive then return "—" end
  return ("%.0f %%"):format(100 * st.p_positive)
end

local function payback_band(st, draws)
  if not st or not draws then return "—" end
  if not st.q05 then return words.t("never") end
  local paid = st.n / draws
  return ("%.0f – %.0f%s"):format(st.q05, st.q95, paid < 0.995 and words.t("pay_share"):format(100 * paid) or "")
end

-- The table on stdout (in the run's --lang); the basis (prices, discounting,
-- what is counted) in its heading.
local WIDTHS = { -22, 10, 10, 10, 21, 8, 7, 15, 8, 0 }
function M.text(rows, baseline_name, basis)
  if #rows == 0 then return "" end
  local t = words.t
  local draws = rows[1].draws
  local out = { t("cb_title"):format(baseline_name, basis), draws and t("cb_bands"):format(draws) or t("cb_nobands"),
                words.row(WIDTHS, t("cb_head")) }
  for _, r in ipairs(rows) do
    local e, b = r.econ, r.bands or {}
    out[#out + 1] = words.row(WIDTHS, { r.name, fmt(e.pv_benefit, "%.0f"), fmt(e.pv_cost, "%.0f"),
      fmt(e.npv, "%.0f"), band(b.npv, "%.0f"), share(b.npv), fmt(e.bcr, "%.2f"), band(b.bcr, "%.2f"),
      e.payback_year and tostring(e.payback_year) or t("never"), payback_band(b.payback_year, r.draws) })
    if r.failed and r.failed > 0 then out[#out] = out[#out] .. t("draws_failed"):format(r.failed) end
  end
  return table.concat(out, "\n") .. "\n"
end

local YEAR_COLUMNS = { "year", "gain_production_value", "gain_value_added", "induced_investment", "profit_outflow",
                       "residual_value", "benefit",
                       "cost_current_prices", "cost", "discount_factor", "npv_cumulative",
                       "npv_cumulative_q05", "npv_cumulative_q50", "npv_cumulative_q95", "basis" }
local YEAR_FIELDS = { "year", "gain_pv", "gain_va", "induced_investment", "outflow", "residual", "benefit", "cost_current", "cost",
                      "discount", "npv_cumulative" }

local SUMMARY_COLUMNS = { "scenario", "baseline", "pv_benefit", "pv_cost", "npv", "bcr", "payback_year" }
local BANDED = { "npv", "bcr", "pv_benefit", "pv_cost", "payback_year" }
for _, k in ipairs(BANDED) do
  for _, q in ipairs { "q05", "q50", "q95" } do SUMMARY_COLUMNS[#SUMMARY_COLUMNS + 1] = k .. "_" .. q end
end
SUMMARY_COLUMNS[#SUMMARY_COLUMNS + 1] = "npv_p_positive"
SUMMARY_COLUMNS[#SUMMARY_COLUMNS + 1] = "draws"
SUMMARY_COLUMNS[#SUMMARY_COLUMNS + 1] = "basis"

-- economics.csv files: the summary at the top, the years in each scenario's folder.
function M.write(rows, baseline_name, basis, results)
  local summary = {}
  for i, r in ipairs(rows) do
    local e, b = r.econ, r.bands or {}
    local line = { r.name, baseline_name, e.pv_benefit or false, e.pv_cost or false, e.npv or false, e.bcr or false,
                   e.payback_year or false } -- false: an empty cell (nil would leave a hole in the row)
    for _, k in ipairs(BANDED) do
      for _, q in ipairs { "q05", "q50", "q95" } do line[#line + 1] = b[k] and b[k][q] or false end
    end
    line[#line + 1] = b.npv and b.npv.p_positive == b.npv.p_positive and b.npv.p_positive or false
    line[#line + 1] = r.draws or 0
    line[#line + 1] = basis
    summary[i] = line
    local years = {}
    for j, y in ipairs(e.years) do
      local l = {}
      for k, f in ipairs(YEAR_FIELDS) do l[k] = y[f] or false end
      local band = r.year_bands and r.year_bands[j] or {} -- the cumulative NPV over the draws
      for _, q in ipairs { "q05", "q50", "q95" } do l[#l + 1] = band[q] or false end
      l[#l + 1] = basis
      years[j] = l
    end
    api.write_table("economics.csv", YEAR_COLUMNS, years, api.dir_of(results[i + 1]))
  end
  api.write_table("economics.csv", SUMMARY_COLUMNS, summary)
end

-- The charts: NPV of each scenario with its band; the cumulative NPV by year.
function M.plot(rows, baseline_name, basis)
  if not options.plots or #rows == 0 then return end
  local labels, npv = {}, { name = "NPV", values = {}, lo = {}, hi = {} }
  for i, r in ipairs(rows) do
    local b = r.bands and r.bands.npv or {}
    labels[i], npv.values[i], npv.lo[i], npv.hi[i] = r.name, r.econ.npv, b.q05, b.q95
  end
  api.plot.ranking {
    title = words.chart_title("npv_title", baseline_name), xlabel = words.money(basis),
    labels = labels, series = { npv }, file = "economics", -- the run's --format
  }
  local list, bands = {}, {}
  for i, r in ipairs(rows) do list[i], bands[i] = r.econ, r.year_bands end
  -- bands for up to three scenarios: more overlap into a blur (economics.csv has them all)
  local banded = #bands == #list and #list <= 3
  api.plot.economics(list, { file = "economics_cumulative", bands = banded and bands or nil })
end

return M
