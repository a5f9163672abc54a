-- register.lua — a scenario's assumption register: every parameter of every
-- sector with its value, unit, plausible range and source; every policy and
-- event with its timing, effects and cost; every observation. It is the
-- appendix a report needs, and what `indsim check` prints.
local core = require "indsim.core"
local measure = require "indsim.measure"

local M = {}

local function fmt(v)
  if v == nil then return "" end
  if type(v) ~= "number" then return tostring(v) end
  if v ~= v then return "absent" end
  if v == math.huge then return "inf" end
  return ("%.6g"):format(v)
end

local function range_text(a)
  return a and a.range and ("%s..%s"):format(fmt(a.range[1]), fmt(a.range[2])) or ""
end

local function param_rows(sc, rows)
  for _, info in ipairs(core.params()) do
    local sectors = info.shared and { { name = "(all)" } } or sc.sectors
    for _, s in ipairs(sectors) do
      local a = sc:assumption(info.name, not info.shared and s.name or nil)
      local value = fmt(a and a.value or info.default) .. (a and a.dist and (" ~ " .. tostring(a.dist)) or "")
      rows[#rows + 1] = { "param", info.name, s.name, value, info.unit, range_text(a),
                          a and (a.source or "(no source given)") or "engine default" }
    end
  end
end

local function profile_text(m)
  return ("%s-%s ramp %s decay %s"):format(fmt(m.from), m.to and fmt(m.to) or "end", fmt(m.ramp), fmt(m.decay))
end

local function measure_rows(sc, list, rows)
  for _, m in ipairs(list) do
    local who = m.targets and table.concat(m.targets, ",") or "all sectors"
    local money = m.kind == "event" and "no cost (baseline event)" or
                  ("cost %s bn VND/yr%s, strength %s"):format(fmt(m.cost), m.budget and " (budget)" or "", fmt(m.strength))
    rows[#rows + 1] = { m.kind, m.name, who, profile_text(m), "", "", money .. (m.source and ("; " .. m.source) or "") }
    for _, e in ipairs(m.effects) do
      local v = e.size.value * m.strength -- as applied at full weight
      local text = (e.kind == "add" and ("%+g"):format(v) or ("x(1%+g)"):format(v)) .. (e.size.dist and (" ~ " .. tostring(e.size.dist)) or "")
      local note = m.strength ~= 1 and (" (max %s x strength %s)"):format(fmt(e.size.value), fmt(m.strength)) or ""
      rows[#rows + 1] = { "  effect", e.param, who, text, "", range_text(e.size), (e.size.source or "") .. note }
    end
    for _, tr in ipairs(m.transfers) do
      rows[#rows + 1] = { "  transfer", tr.src .. "->" .. tr.dst, "", fmt(tr.rate.value), "1/yr", range_text(tr.rate), tr.rate.source or "" }
    end
    if m.def then
      rows[#rows + 1] = { "  B50", m.def.name, "", fmt(m.def.B50.value), "bn VND/yr", range_text(m.def.B50), m.def.B50.source or "" }
    end
  end
end

local function obs_rows(sc, rows)
  for _, o in ipairs(sc.observations) do
    local what = o.kind == "avg_growth" and ("%d-%d"):format(o.year0, o.year1)
              or o.kind == "period_growth" and ("%d months %d-%d"):format(o.year0, o.m0 + 1, o.m1)
              or tostring(o.year0)
    rows[#rows + 1] = { "obs " .. o.kind, what, o.sector or "total", fmt(o.value), o.kind == "level" and "bn VND" or "fraction",
                        "se " .. fmt(o.se), o.source or "" }
  end
end

local function joint_rows(sc, rows)
  for _, j in ipairs(sc.joints) do
    rows[#rows + 1] = { "joint", j.name, "", ("mvnormal of %d numbers"):format(#j.params), "", "",
                        (j.source or "") .. (j.name == "calibration" and "; single runs use its means, not the medians above" or "") }
  end
end

local function target_rows(sc, rows)
  for _, o in ipairs(sc.targets) do
    local what = o.kind == "avg_growth" and ("%d-%d"):format(o.year0, o.year1) or tostring(o.year0)
    rows[#rows + 1] = { "target " .. o.kind, what, o.sector or "total", ">= " .. fmt(o.value), o.kind == "level" and "bn VND" or "fraction",
                        o.var ~= "production_value" and o.var or "", o.source or "" }
  end
end

-- Rows {section, key, sector, value, unit, range, source}.
function M.rows(sc)
  local rows = {}
  param_rows(sc, rows)
  measure_rows(sc, sc.events, rows)
  measure_rows(sc, sc.policies, rows)
  obs_rows(sc, rows)
  target_rows(sc, rows)
  joint_rows(sc, rows)
  return rows
end

local function width(s) return utf8.len(s) or #s end

function M.text(sc, lang)
  local head = { "kind", "key", "sector", "value", "unit", "range", "source" }
  local rows = M.rows(sc)
  local w = {}
  for j, h in ipairs(head) do w[j] = width(h) end
  for _, r in ipairs(rows) do for j = 1, 6 do w[j] = math.max(w[j], width(r[j])) end end
  local out = { ("Assumption register of '%s' — %s (%d-%d)"):format(sc.name, measure.text(sc.title, lang or "both", sc.name),
                                                                    sc.period[1], sc.period[2]) }
  local function line(r)
    local cells = {}
    for j = 1, 6 do cells[j] = r[j] .. (" "):rep(w[j] - width(r[j])) end
    cells[7] = r[7]
    return table.concat(cells, "  ")
  end
  out[#out + 1] = line(head)
  for _, r in ipairs(rows) do out[#out + 1] = line(r) end
  return table.concat(out, "\n") .. "\n"
end

return M
