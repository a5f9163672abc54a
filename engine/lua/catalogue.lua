-- catalogue.lua — the policy catalogue: the city's programme in the seed
-- document (business environment and administrative reform, training) and
-- what such programmes usually go on with (technology renewal, credit, zones
-- and investment promotion, trade promotion). Every maximum effect (e_max)
-- and half-saturation budget B50 is an assumption with its source; scenarios
-- may override any of them by defining their own kind with policy.define.
local measure = require "indsim.measure"
local dist = require "indsim.dist"
local define = measure.define

-- A rough figure with its plausible range as a distribution: lognormal with
-- the stated value as its median and the wider side of the range as its 5 or
-- 95 % quantile (single runs use the median, ensembles draw).
local function rough(value, lo, hi)
  local wide = math.max(math.log(hi / value), lo > 0 and math.log(value / lo) or 0)
  return dist.lognormal(value, wide / 1.645)
end

local C = {}

C.business_env = define {
  name = "business_env",
  title = { vi = "Cải thiện môi trường kinh doanh, cải cách hành chính", en = "Business environment and administrative reform" },
  ramp = 1, -- administrative reform acts on investment with about a year's lag (data/README.md)
  effects = {
    points = { param = "E_target", add = { rough(10, 5, 20), range = { 5, 20 },
      source = "Hanoi's PCI fell from 60.32 (2005) to 50.34 (2006), rank 40 of 64 (VCCI); regaining the 2005 level is about 10 points" } },
  },
  B50 = { rough(20, 5, 60), range = { 5, 60 }, source = "assumption: one-stop shops, standard procedures, task force and hotline are mostly staff time" },
  source = "seed document, programme item 1",
}

C.training = define {
  name = "training",
  title = { vi = "Đào tạo nguồn nhân lực", en = "Workforce and management training" },
  ramp = 2, -- training reaches output after 1-2 years (data/README.md)
  effects = {
    rate = { param = "r", add = { rough(0.08, 0.03, 0.15), range = { 0.03, 0.15 },
      source = "assumption: a city programme can train up to about 8 % of untrained workers a year more" } },
    premium = { param = "theta", add = { rough(0.15, 0, 0.3), range = { 0, 0.3 },
      source = "assumption: manager training raises what skills yield; +1 pp trained -> +0.3..0.6 % VA/worker (Dearden, Reed & Van Reenen 2006)" } },
  },
  B50 = { rough(150, 50, 400), range = { 50, 400 }, source = "assumption: cost of vocational places for tens of thousands of workers a year" },
  source = "seed document, programme item 2",
}

C.tech_renewal = define {
  name = "tech_renewal",
  title = { vi = "Hỗ trợ đổi mới thiết bị, công nghệ", en = "Technology and equipment renewal" },
  ramp = 2, -- equipment renewal acts in 1-3 years (data/README.md)
  effects = {
    innovation = { param = "p", mul = { rough(1.0, 0.3, 2), range = { 0.3, 2 },
      source = "subsidies raise the Bass innovation coefficient p (data/README.md: p 0.01-0.03); up to doubling it" } },
    vintage = { param = "m_new", add = { rough(0.25, 0.1, 0.4), range = { 0.1, 0.4 },
      source = "assumption: supported investment is more often in modern equipment" } },
    invest = { param = "ds", add = { rough(0.01, 0, 0.03), range = { 0, 0.03 }, source = "assumption: co-financing adds to reinvestment" } },
  },
  B50 = { rough(250, 100, 600), range = { 100, 600 }, source = "assumption" },
  source = "typical continuation of the programme (seed README)",
}

C.credit = define {
  name = "credit",
  title = { vi = "Hỗ trợ tiếp cận vốn tín dụng", en = "Access to credit" },
  ramp = 1,
  effects = {
    invest = { param = "ds", add = { rough(0.04, 0.01, 0.08), range = { 0.01, 0.08 },
      source = "assumption: interest subsidies and guarantees raise the reinvested share of value added by a few points" } },
  },
  B50 = { rough(300, 100, 800), range = { 100, 800 }, source = "assumption" },
  source = "typical continuation of the programme (seed README)",
}

C.industrial_zones = define {
  name = "industrial_zones",
  title = { vi = "Khu, cụm công nghiệp và xúc tiến đầu tư", en = "Industrial zones and investment promotion" },
  ramp = 2,
  effects = {
    inflow = { param = "f0", mul = { rough(0.5, 0.2, 1.0), range = { 0.2, 1.0 },
      source = "assumption: serviced land lifts outside investment; 9 industrial zones and 11 clusters around 2007 (data/README.md)" } },
    trend = { param = "gF", add = { rough(0.01, 0, 0.03), range = { 0, 0.03 }, source = "assumption" } },
  },
  B50 = { rough(600, 200, 1500), range = { 200, 1500 }, source = "assumption: land clearance and infrastructure are the costliest item" },
  source = "typical continuation of the programme (seed README)",
}

C.trade_promotion = define {
  name = "trade_promotion",
  title = { vi = "Xúc tiến thương mại, mở rộng thị trường", en = "Trade and market promotion" },
  ramp = 1,
  effects = {
    tfp = { param = "g", add = { rough(0.004, 0.001, 0.01), range = { 0.001, 0.01 },
      source = "assumption: export and market access add a few tenths of a point to TFP growth (TFP 1-2 %/yr, data/README.md)" } },
  },
  B50 = { rough(80, 20, 200), range = { 20, 200 }, source = "assumption" },
  source = "typical continuation of the programme (seed README)",
}

C.order = { "business_env", "training", "tech_renewal", "credit", "industrial_zones", "trade_promotion" }

return C
