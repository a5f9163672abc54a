-- sensreport.lua — what `indsim sensitivity` prints and writes: a sensitivity()
-- result as a table (inputs ranked by swing or by total-order index), as
-- sensitivity.csv, and as charts (a tornado chart per output for the
-- one-at-a-time method; Sobol indices with their intervals for the other).
local api = require "indsim.api"
local words = require "indsim.words"

local M = {}

local function n(v) return type(v) == "number" and v or nil end
local function f(v, fmt) return n(v) and fmt:format(v) or "—" end

local ranked = require("indsim.analysis").ranked_inputs

local OAT_WIDTHS = { -40, 14, 14, 14 }
local SOBOL_WIDTHS = { -40, 8, 17, 8, 17 }

local function oat_text(res, k, label, order, top, out)
  local t = words.t
  out[#out + 1] = t("oat_title"):format(label, res.name, res.center[k], 100 * res.lo_q, 100 * res.hi_q)
  out[#out + 1] = words.row(OAT_WIDTHS, t("oat_head"))
  for j = 1, math.min(top, #order) do
    local i = order[j]
    local lo, hi = n(res.lo[k][i]), n(res.hi[k][i])
    out[#out + 1] = words.row(OAT_WIDTHS, { res.inputs[i], f(lo, "%.6g"), f(hi, "%.6g"),
                                           (lo and hi) and ("%.4g"):format(math.abs(hi - lo)) or "—" })
  end
end

local function sobol_text(res, k, label, order, top, out)
  local t = words.t
  out[#out + 1] = t("sobol_title"):format(label, res.name, res.n, res.n * (#res.inputs + 2),
    res.random_points and t("sobol_random") or "", math.floor(100 * res.level + 0.5),
    res.failed > 0 and t("sobol_failed"):format(res.failed) or "")
  out[#out + 1] = words.row(SOBOL_WIDTHS, t("sobol_head"))
  for j = 1, math.min(top, #order) do
    local i = order[j]
    out[#out + 1] = words.row(SOBOL_WIDTHS, { res.inputs[i], f(res.s1[k][i], "%.3f"),
      f(res.s1_lo[k][i], "%.3f") .. " – " .. f(res.s1_hi[k][i], "%.3f"), f(res.st[k][i], "%.3f"),
      f(res.st_lo[k][i], "%.3f") .. " – " .. f(res.st_hi[k][i], "%.3f") })
  end
end

-- The table of each output (in the run's --lang): the top inputs, ranked.
function M.text(res, top)
  local out = {}
  for k, label in ipairs(res.outputs) do
    local order = ranked(res, k)
    if res.method == "oat" then oat_text(res, k, label, order, top, out)
    else sobol_text(res, k, label, order, top, out) end
    if #order > top then out[#out + 1] = words.t("more_in_csv"):format(#order - top) end
    out[#out + 1] = ""
  end
  return table.concat(out, "\n")
end

-- sensitivity.csv: one line per output and number, in ranked order.
function M.write(res)
  local cols = res.method == "oat" and { "output", "number", "center", "at_low", "at_high", "swing" }
               or { "output", "number", "s1", "s1_lo", "s1_hi", "st", "st_lo", "st_hi", "n" }
  local rows = {}
  for k, label in ipairs(res.outputs) do
    for _, i in ipairs(ranked(res, k)) do
      if res.method == "oat" then
        local lo, hi = n(res.lo[k][i]), n(res.hi[k][i])
        rows[#rows + 1] = { label, res.inputs[i], res.center[k], lo or false, hi or false, (lo and hi) and math.abs(hi - lo) or false }
      else
        rows[#rows + 1] = { label, res.inputs[i], n(res.s1[k][i]) or false, n(res.s1_lo[k][i]) or false, n(res.s1_hi[k][i]) or false,
                            n(res.st[k][i]) or false, n(res.st_lo[k][i]) or false, n(res.st_hi[k][i]) or false, res.n }
      end
    end
  end
  return api.write_table("sensitivity.csv", cols, rows)
end

function M.plot(res)
  for k in ipairs(res.outputs) do
    if res.method == "oat" then api.plot.tornado(res, { output = k, file = ("tornado_%d.png"):format(k) })
    else api.plot.sobol(res, { output = k, file = ("sobol_%d.png"):format(k) }) end
  end
end

return M
