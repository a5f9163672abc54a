-- report.lua — a one-page report of a package of policies against its baseline,
-- for a planner to read or paste: report.md in the output folder, with the
-- assumptions' basis, production value and growth in the report years, the
-- cost-benefit (central run and 90 % bands over N draws, common random numbers),
-- what each policy adds (Shapley shares of the value-added gain in 2015 and the
-- interaction), the five numbers NPV is most sensitive to, and six charts
-- beside it (compare.png, fan_gain.png, attribution.png, attribution_shapley.png,
-- tornado.png, economics.png), embedded with relative links.
--   indsim script scripts/report.lua [PACKAGE [BASELINE [N]]] [--out DIR]
-- PACKAGE, BASELINE: scenario names (hanoi/package, hanoi/baseline: the defaults) or
-- files ending in .lua; N: draws of the ensemble (default 500).
-- e.g. indsim script scripts/report.lua my_package.lua hanoi/baseline 1000 --out out/report
-- report.md is written with write_text (atomically: a temporary name, then renamed).
local ATTRIBUTION_YEAR = 2015
local TOP_DRIVERS = 5

local function is_scenario(v) return type(v) == "table" and tostring(v):match("^scenario '") ~= nil end

local function load_scenario(what, name)
  local ok, sc = pcall(scenario.load, name)
  if not ok then error(("%s '%s': %s"):format(what, name, tostring(sc))) end
  if is_scenario(sc) then return sc end
  local got = (type(sc) == "table" and is_scenario(sc[1])) and ("a list of %d scenarios"):format(#sc) or tostring(sc)
  error(("%s '%s' returned %s, not one scenario (give a file that ends with return scenario{...} or base:with{...})")
        :format(what, name, got))
end

local n = 500
if arg[3] ~= nil then
  n = math.tointeger(tonumber(arg[3]))
  if not n or n < 1 then error(("N = '%s': the number of draws is a whole number >= 1"):format(arg[3])) end
end
local pkg = load_scenario("package", arg[1] or "hanoi/package")
local base = load_scenario("baseline", arg[2] or "hanoi/baseline")
if pkg.name == base.name then error(("the package and the baseline are the same scenario ('%s')"):format(pkg.name)) end
if #pkg.policies == 0 then error(("'%s' has no policies: nothing to report against '%s'"):format(pkg.name, base.name)) end

-- ---- the numbers --------------------------------------------------------

local results, gains = compare({ base, pkg }, { print = false })
local rb, rp = results[1], results[2]
local econ = economics(rp, { baseline = rb })
local e = ensemble(pkg, { n = n, baseline = base, progress = false })
local bands = e:economics()
local attr = attribution(pkg, { baseline = base, output = "value_added", year = ATTRIBUTION_YEAR })
local sens = sensitivity(pkg, { method = "oat", baseline = base })

-- ---- the charts: each returns true when drawn ------------------------------

local charts = {
  { file = "compare.png", alt = "Production value, package and baseline, and the gain",
    draw = function(f) return plot.compare(results, { file = f }) end },
  { file = "fan_gain.png", alt = ("Gain in production value over the baseline, %d draws"):format(n),
    draw = function(f) return plot.fan(e, { set = "gain", file = f }) end },
  { file = "attribution.png", alt = ("Each policy alone, then the interaction: value added in %d"):format(ATTRIBUTION_YEAR),
    draw = function(f) return plot.waterfall(attr, { by = "alone", file = f }) end },
  { file = "attribution_shapley.png", alt = ("Shapley shares of the gain in value added in %d"):format(ATTRIBUTION_YEAR),
    draw = function(f) return plot.waterfall(attr, { by = "shapley", file = f }) end },
  { file = "tornado.png", alt = "Sensitivity of the net present value",
    draw = function(f) return plot.tornado(sens, { file = f }) end },
  { file = "economics.png", alt = "Cumulative net present value",
    draw = function(f) return plot.economics({ econ }, { file = f }) end },
}
for _, c in ipairs(charts) do c.drawn = c.draw(c.file) end

-- ---- the text -------------------------------------------------------------

local function f0(v) return v and ("%.0f"):format(v) or "—" end
local function f2(v) return v and ("%.2f"):format(v) or "—" end
local function pct(v) return v and ("%.1f %%"):format(100 * v) or "—" end
local function band(st, f) return (st and st.q05) and (f(st.q05) .. " – " .. f(st.q95)) or "—" end

local md = {}
local function add(...) for _, line in ipairs { ... } do md[#md + 1] = line end end
local function row(cells) add("| " .. table.concat(cells, " | ") .. " |") end
local function table_head(cells, align)
  row(cells)
  local rule = {}
  for i = 1, #cells do rule[i] = align and align:sub(i, i) == "l" and "---" or "---:" end
  row(rule)
end

local function section_output()
  local years = {}
  for y in pairs(gains[rp.name]) do years[#years + 1] = y end
  table.sort(years)
  add("## Production value", "",
      ("Industrial production value, bn VND (%s), and its growth over the year before."):format(pkg.report.basis or "constant prices"), "")
  table_head({ "year", rb.name, rp.name, "gain", "gain %", "growth, " .. rb.name, "growth, " .. rp.name }, "l")
  for _, y in ipairs(years) do
    local g = gains[rp.name][y]
    row { tostring(y), f0(rb:get("production_value", y)), f0(rp:get("production_value", y)), f0(g.abs), ("%.2f"):format(g.pct),
          pct(rb:get("growth", y)), pct(rp:get("growth", y)) }
  end
  add("")
end

local function section_economics()
  add("## Costs and benefits", "",
      ("Central run (every uncertain number at its median) and the 90 %% band over %d draws%s, the baseline run in every draw with the same numbers."):format(
        e.draws - e.failed, e.failed > 0 and (" (%d failed, left out)"):format(e.failed) or ""), "")
  table_head({ "", "central", "90 % band" }, "l")
  row { "present value of the benefits", f0(econ.pv_benefit), band(bands.pv_benefit, f0) }
  row { "present value of the costs", f0(econ.pv_cost), band(bands.pv_cost, f0) }
  row { "net present value", f0(econ.npv), band(bands.npv, f0) }
  row { "benefit-cost ratio", f2(econ.bcr), band(bands.bcr, f2) }
  local paid = bands.payback_year.n / math.max(1, e.draws - e.failed)
  row { "payback year", econ.payback_year and tostring(econ.payback_year) or "never",
        band(bands.payback_year, f0) .. (paid < 0.995 and (" (%.0f %% of the draws pay back)"):format(100 * paid) or "") }
  add("")
end

local function section_attribution()
  add("## What each policy adds", "",
      ("Gain in value added in %d over the baseline: %s bn VND. Alone: the policy added to the baseline by itself;"
       .. " Shapley: its average contribution over every order of adding the policies (%s), which sum to the gain."):format(
        ATTRIBUTION_YEAR, f0(attr.total), attr.exact and "exact" or "estimated over random orders"), "")
  table_head({ "policy", "alone", "Shapley", "share" }, "l")
  for _, s in ipairs(attr.shares) do row { s.name, f0(s.alone), f0(s.value), s.share and pct(s.share) or "—" } end
  row { "interaction (package − sum of alone)", f0(attr.interaction), "", "" }
  row { "**package**", "", "**" .. f0(attr.total) .. "**", "100 %" }
  add("")
end

local function section_sensitivity()
  local k, center = 1, sens.center[1]
  local function num(v) return type(v) == "number" and v or nil end
  local order = {}
  for i = 1, #sens.inputs do order[i] = i end
  local function swing(i) return math.abs((num(sens.hi[k][i]) or center) - (num(sens.lo[k][i]) or center)) end
  table.sort(order, function(x, y) return swing(x) > swing(y) end)
  add("## What the net present value depends on most", "",
      ("NPV with every uncertain number at its median: %s bn VND. Each number alone set to its %g %% and %g %% quantiles,"
       .. " the others at their medians; the %d widest swings of %d numbers."):format(f0(center), 100 * sens.lo_q, 100 * sens.hi_q,
        math.min(TOP_DRIVERS, #order), #order), "")
  table_head({ "number", "NPV at low", "NPV at high", "swing" }, "l")
  for j = 1, math.min(TOP_DRIVERS, #order) do
    local i = order[j]
    row { "`" .. sens.inputs[i] .. "`", f0(num(sens.lo[k][i])), f0(num(sens.hi[k][i])), f0(swing(i)) }
  end
  add("")
end

local function section_charts()
  add("## Charts", "")
  for _, c in ipairs(charts) do
    if c.drawn then add(("![%s](%s)"):format(c.alt, c.file), "")
    elseif c.drawn == false then add(("*%s: not drawn (plots turned off).*"):format(c.alt), "")
    else add(("*%s: not rendered (no gnuplot); `gnuplot %s` draws it.*"):format(c.alt, c.file:gsub("%.%w+$", ".gp")), "") end
  end
end

add(("# %s against %s"):format(rp.title, rb.title), "",
    ("Scenarios `%s` and `%s`, %d–%d. Money: %s."):format(pkg.name, base.name, rp.first_year, rp.last_year, econ.basis), "")
section_output()
section_economics()
section_attribution()
section_sensitivity()
section_charts()
local text = table.concat(md, "\n")

-- ---- writing it -------------------------------------------------------------

print(("Report: %s (%d draws; %d charts)"):format(write_text("report.md", text), e.draws, #charts))
