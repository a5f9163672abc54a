-- sensreport.lua — what `indsim sensitivity` prints and writes: a sensitivity()
-- result as a table (inputs ranked by swing or by total-order index), as
-- sensitivity.csv, and as charts (a tornado chart per output for the
-- one-at-a-time method; Sobol indices with their intervals for the other).
local api = require "indsim.api"

local M = {}

local function n(v) return type(v) == "number" and v or nil end
local function f(v, fmt) return n(v) and fmt:format(v) or "—" end

local ranked = require("indsim.analysis").ranked_inputs

function M.text(res, top)
  local out = {}
  for k, label in ipairs(res.outputs) do
    local order = ranked(res, k)
    if res.method == "oat" then
      out[#out + 1] = ("One at a time: %s of '%s' = %.6g with every uncertain number at its median;"
                       .. " each number alone at its %g %% and %g %% quantiles"):format(label, res.name, res.center[k],
                                                                                 100 * res.lo_q, 100 * res.hi_q)
      out[#out + 1] = ("%-40s %14s %14s %14s"):format("number", "at low", "at high", "swing")
      for j = 1, math.min(top, #order) do
        local i = order[j]
        local lo, hi = n(res.lo[k][i]), n(res.hi[k][i])
        out[#out + 1] = ("%-40s %14s %14s %14s"):format(res.inputs[i], f(lo, "%.6g"), f(hi, "%.6g"),
                                                        (lo and hi) and ("%.4g"):format(math.abs(hi - lo)) or "—")
      end
    else
      out[#out + 1] = ("Sobol indices of %s for '%s': %d base samples (%d runs%s), %d %% bootstrap intervals%s"):format(
        label, res.name, res.n, res.n * (#res.inputs + 2), res.random_points and ", pseudo-random points: more than 20 numbers" or "",
        math.floor(100 * res.level + 0.5), res.failed > 0 and (", %d failed rows left out"):format(res.failed) or "")
      out[#out + 1] = ("%-40s %8s %17s %8s %17s"):format("number", "S1", "interval", "ST", "interval")
      for j = 1, math.min(top, #order) do
        local i = order[j]
        out[#out + 1] = ("%-40s %8s %17s %8s %17s"):format(res.inputs[i], f(res.s1[k][i], "%.3f"),
          f(res.s1_lo[k][i], "%.3f") .. " – " .. f(res.s1_hi[k][i], "%.3f"), f(res.st[k][i], "%.3f"),
          f(res.st_lo[k][i], "%.3f") .. " – " .. f(res.st_hi[k][i], "%.3f"))
      end
    end
    if #order > top then out[#out + 1] = ("(%d more in sensitivity.csv)"):format(#order - top) end
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
