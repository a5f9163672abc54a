-- numbers.lua — the numbers of a scenario that a name can point at, for
-- uncertainty (distributions, mvnormal) and calibration (fit = {...}):
--   "g"                    a parameter for every sector (or a shared one)
--   "g.state"              a parameter of one sector
--   "policy.training.rate" an effect of a policy or event (by its effect name,
--                          or by its parameter: "event.wto.f0")
--   "event.equitisation.rate"  the rate of a transfer
--   "policy.training.B50"  the half-saturation budget of a budget-mode policy
--   "economics.discount_rate"  an economics assumption (IND_T_ECON)
-- A second measure of the same kind and name is "policy.training#2.rate".
-- Each name maps to the targets the C core sets (ind_target) and the value
-- the scenario gives it now.
local core = require "indsim.core"

local M = {}

local PARAMS = {}
for _, p in ipairs(core.params()) do PARAMS[p.name] = p end

-- Names of a measure's effects: its effect keys, else its parameters
-- (numbered when a parameter is moved twice).
local function effect_names(m)
  local names, seen = {}, {}
  for j, e in ipairs(m.effects) do
    local base = e.key or e.param
    seen[base] = (seen[base] or 0) + 1
    names[j] = seen[base] > 1 and (base .. "." .. seen[base]) or base
  end
  return names
end

-- "policy.training." — with "#2", "#3" for repeated names.
local function prefixes(measures)
  local out, seen = {}, {}
  for k, m in ipairs(measures) do
    local base = m.kind .. "." .. m.name
    seen[base] = (seen[base] or 0) + 1
    out[k] = (seen[base] > 1 and (base .. "#" .. seen[base]) or base) .. "."
  end
  return out
end

-- Calls fn(name, target, assumption, unit) for every number of the measures:
-- effect sizes, transfer rates, budget-mode B50s.
local function each_measure_number(measures, fn)
  local pre = prefixes(measures)
  for k, m in ipairs(measures) do
    for j, name in ipairs(effect_names(m)) do
      fn(pre[k] .. name, { kind = "effect", policy = k, effect = j }, m.effects[j].size, "effect size")
    end
    for j, tr in ipairs(m.transfers) do
      fn(pre[k] .. (#m.transfers > 1 and ("rate." .. j) or "rate"), { kind = "transfer", policy = k, transfer = j }, tr.rate, "1/yr")
    end
    if m.b50 then fn(pre[k] .. "B50", { kind = "b50", policy = k }, m.b50, "bn VND/yr") end
  end
end

local ECON_INDEX = { discount_rate = 0, mcpf = 1, profit_outflow = 2, deflator0 = 4, inflation_past = 5, inflation = 6,
                     residual_value = 7 }

-- Calls fn(name, target, assumption) for every economics number the scenario states.
local function each_econ_number(sc, fn)
  local keys = {}
  for k in pairs(ECON_INDEX) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do
    local a = sc.economics and sc.economics[k]
    if a then fn("economics." .. k, { kind = "econ", econ = ECON_INDEX[k] }, a) end
  end
end

-- sc: a scenario object; measures: its events then policies, in spec order.
function M.index(sc, measures)
  local index = {}
  local function add(name, target, value, info)
    local n = index[name]
    if not n then n = { targets = {}, value = value, info = info }; index[name] = n end
    n.targets[#n.targets + 1] = target
  end
  for _, p in ipairs(core.params()) do
    if p.shared then
      local a = sc:assumption(p.name)
      add(p.name, { kind = "param", sector = 1, param = p.name }, a and a.value or p.default, p)
    else
      for i, s in ipairs(sc.sectors) do
        local a = sc:assumption(p.name, s.name)
        local v = a and a.value or p.default
        add(p.name, { kind = "param", sector = i, param = p.name }, v, p)
        add(p.name .. "." .. s.name, { kind = "param", sector = i, param = p.name }, v, p)
      end
    end
  end
  each_measure_number(measures, function(name, target, a, unit) add(name, target, a.value, { unit = unit }) end)
  each_econ_number(sc, function(name, target, a) add(name, target, a.value, { unit = "economics" }) end)
  return index
end

-- The uncertain numbers of the scenario: every assumption that holds a
-- distribution, named as above, with the targets it sets.
function M.uncertain(sc, measures)
  local out = {}
  local function add(key, d, targets) out[#out + 1] = { key = key, dist = d, targets = targets } end
  for name, entry in pairs(sc.params) do
    local info = PARAMS[name]
    if info.shared then
      if entry["*"] and entry["*"].dist then add(name, entry["*"].dist, { { kind = "param", sector = 1, param = name } }) end
    else
      local all = {}
      for i, s in ipairs(sc.sectors) do
        local a = entry[s.name]
        if a and a.dist then add(name .. "." .. s.name, a.dist, { { kind = "param", sector = i, param = name } })
        elseif not a and entry["*"] and entry["*"].dist then all[#all + 1] = { kind = "param", sector = i, param = name } end
      end
      if #all > 0 then add(name, entry["*"].dist, all) end -- one draw for every sector without its own
    end
  end
  each_measure_number(measures, function(name, target, a) if a.dist then add(name, a.dist, { target }) end end)
  each_econ_number(sc, function(name, target, a) if a.dist then add(name, a.dist, { target }) end end)
  table.sort(out, function(a, b) return a.key < b.key end)
  return out
end

return M
