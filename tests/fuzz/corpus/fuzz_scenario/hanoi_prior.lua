-- The Hanoi baseline before calibration: every assumption with its prior
-- distribution (its median for a single run), the observations, and the
-- numbers the calibration fits (baseline.lua calibrates it).
-- Hanoi industry 2000-2030 without the city's support programme: the three
-- ownership blocks (state, non-state, foreign-invested), the period's known
-- events (equitisation, the Enterprise Law surge, the FDI wave, WTO accession)
-- and the published growth figures to mid-2007 as observations.
-- "data/README.md" and "data CSV" are the project's public-data notes
-- (copied to scenarios/hanoi/data/: each row of the CSV names its source);
-- "seed" is the source document (Hanoi, 2007). Values marked "fitted" were
-- set by a least-squares search against the observations below with the
-- sourced values as priors: `indsim calibrate scenarios/hanoi/prior.lua`
-- (docs/hanoi-baseline.md).
local DATA = "Hanoi Statistics Office monthly reports via vanban.hanoi.gov.vn (data/hanoi_sxcn_growth_to_2007h1.csv)"
local SEED = "seed document (Hanoi Dept. of Industry, 2007)"

return scenario {
  name = "baseline_prior",
  title = { vi = "Kịch bản cơ sở (không có chương trình hỗ trợ)", en = "Baseline (no support programme)" },
  period = { 2000, 2030 },
  sectors = {
    { name = "state", title = { vi = "Nhà nước", en = "State" } },
    { name = "non_state", title = { vi = "Ngoài nhà nước", en = "Non-state" } },
    { name = "fdi", title = { vi = "Có vốn đầu tư nước ngoài", en = "Foreign-invested" } },
  },
  params = {
    -- Production value in 2000 (1994 prices): about 16-17 trillion VND in all
    -- (back-calculated, +-15 %); the split by block is tuned to the block growth rates.
    -- Annual rate on 1 January 2000; the year 2000 then totals about 16.8 trn VND.
    -- The split is a prior inferred from the 2006 block growth rates (docs/hanoi-baseline.md); fitted.
    output0 = { state = normal(9800, 2000), non_state = normal(3000, 800), fdi = normal(3500, 1000),
                source = "total: 16-17 trn VND in 2000 (data/README.md, +-15 %); split: block shares implied by the 2006 growth rates" },
    va_share0 = { normal(0.28, 0.015), range = { 0.2, 0.35 }, source = "VA/gross output of manufacturing about 0.25-0.30 (data/README.md)" },
    dv = { normal(-0.01, 0.005), range = { -0.03, 0.01 }, source = "long-run drift of VA/output; the 2000s fall is the event 'input_intensity'" },
    alpha = { normal(0.5, 0.05), range = { 0.35, 0.65 }, source = "capital share, Vietnamese growth-accounting studies (data/README.md)" },
    kappa = { state = lognormal(1.8, 0.25), non_state = lognormal(3.5, 0.25), fdi = lognormal(6.8, 0.25), range = { 0.5, 20 },
              source = "K/Y = ICOR*g/(g+delta) with ICOR 2.9 / 4.4 / 8.8 (Hanoi 1996-2000, data/README.md)" },
    delta = { normal(0.06, 0.005), range = { 0.04, 0.08 }, source = "depreciation of all capital 5-7 %/yr (data/README.md)" },
    g = { state = normal(0.015, 0.005), default = normal(0.015, 0.004), range = { -0.02, 0.05 },
          source = "TFP growth of Hanoi industry 1-2 %/yr (data/README.md); state fitted" },
    s = { state = normal(0.2, 0.05), non_state = normal(0.30, 0.05), fdi = normal(0.25, 0.05), range = { 0.05, 0.5 },
          source = "assumption (non-state, FDI); state fitted to the published growth" },
    -- Outside investment (state budget, new private firms, FDI) as a share of 2000 value added.
    f0 = { state = lognormal(0.1, 0.8), non_state = lognormal(0.3, 0.6), fdi = lognormal(0.6, 0.6),
           source = "fitted to the published growth (FDI: ICOR 8.8 means heavy capital inflow)" },
    gF = { state = 0.0, non_state = normal(0.05, 0.02), fdi = normal(0.05, 0.02), range = { -0.05, 0.15 },
           source = "assumption: long-run growth of outside investment; the 2000s surge is the events below" },
    bF = { state = 0, default = { uniform(0, 0.01), range = { 0, 0.01 } },
           source = "+1 PCI point -> 0..+1 % private investment (McCulloch, Malesky & Nguyen 2013)" },
    bs = { state = 0, default = { uniform(0, 0.01), range = { 0, 0.01 } }, source = "as bF" },
    employment0 = { state = 110, non_state = 90, fdi = 40, source = "assumption (thousand workers)" },
    n = { state = -0.01, non_state = normal(0.05, 0.02), fdi = lognormal(0.08, 0.4),
          source = "assumption: state employment shrinking, others growing (FDI employment fast in the 2000s); fitted" },
    skilled0 = { normal(0.3, 0.04), range = { 0.2, 0.4 }, source = "trained share of workers in Vietnamese firms about 30 % (data/README.md)" },
    theta = { lognormal(1.2, 0.25), range = { 0.5, 2.5 }, source = "+1 pp trained -> +0.3..0.6 % VA per worker (Dearden et al. 2006): (1-alpha)theta/(1+theta H) = 0.44 %" },
    r = { normal(0.05, 0.01), range = { 0.02, 0.08 }, source = "assumption: keeps the trained share near 30 %" },
    rho = { normal(0.03, 0.008), range = { 0.005, 0.06 }, source = "assumption" },
    modern0 = { state = 0.2, non_state = 0.1, fdi = 0.6, source = "seed: most firms have average or dated technology" },
    mu = { normal(0.3, 0.05), range = { 0.15, 0.45 }, source = "productivity gap modern vs dated technology 20-40 % (data/README.md)" },
    p = { lognormal(0.02, 0.25), range = { 0.005, 0.05 }, source = "Bass innovation coefficient (data/README.md)" },
    q = { normal(0.35, 0.04), range = { 0.2, 0.5 }, source = "Bass imitation coefficient (data/README.md)" },
    k = { uniform(0, 1), range = { 0, 1 }, source = "assumption: skills speed imitation" },
    omega = { lognormal(0.05, 0.3), range = { 0.01, 0.15 }, source = "assumption: equipment dates over 10-20 years" },
    m_new = { state = normal(0.4, 0.08), non_state = normal(0.3, 0.08), fdi = normal(0.8, 0.05), range = { 0.05, 0.99 },
              source = "assumption: domestic firms often buy second-hand or mid-level equipment; FDI plants bring current technology" },
  },
  -- The period's known events (DESIGN.md §3): dated, sourced, fitted in size.
  -- They belong to the baseline: no cost, never counted as a policy's gain.
  events = {
    transfer { name = "equitisation", title = { vi = "Cổ phần hoá DNNN", en = "Equitisation of state enterprises" },
               from_sector = "state", to_sector = "non_state", rate = lognormal(0.05, 0.5), from = 2003, ramp = 2, to = 2005, decay = 4,
               source = "equitisation strongest 2004-2008 (DESIGN.md); rate fitted to the state block's 3-6 % growth in 2006-07" },
    event { name = "restructuring", title = { vi = "Sắp xếp lại DNNN", en = "State enterprise restructuring" },
            from = 2005, ramp = 1, to = 2006, decay = 0.5, targets = { "state" },
            effects = { { param = "g", add = normal(0, 0.05), source = "central state industry grew 0.9 % in 8 months of 2006 (data CSV); fitted" } } },
    event { name = "input_intensity", title = { vi = "Tỷ lệ giá trị tăng thêm giảm", en = "Falling value-added share" },
            from = 2000, to = 2005, decay = 6,
            effects = { { param = "dv", add = normal(-0.035, 0.01),
                          source = "industrial VA grew 13.2 %/yr vs gross output 18.7 % in 2001-05; plan 2006-10: 12-13 % vs 15-16 % (QĐ 113/2006)" } } },
    event { name = "enterprise_law", title = { vi = "Luật Doanh nghiệp 2000", en = "Enterprise Law of 2000" },
            from = 2000, to = 2007, decay = 5, targets = { "non_state" },
            effects = { { param = "gF", add = normal(0.1, 0.1), source = "surge of private firms after the Enterprise Law of 2000 (DESIGN.md); fitted" } } },
    event { name = "fdi_wave", title = { vi = "Làn sóng FDI", en = "FDI wave of the 2000s" },
            from = 2000, to = 2007, decay = 5, targets = { "fdi" },
            effects = { { param = "gF", add = normal(0.1, 0.1), source = "FDI block grew 29-45 % a year in 2006 (data CSV); fitted" } } },
    event { name = "wto", title = { vi = "Gia nhập WTO", en = "WTO accession" }, from = 2007, ramp = 1,
            targets = { "fdi", "non_state" },
            effects = { { param = "f0", mul = normal(0.3, 0.3), source = "WTO membership from January 2007; size fitted" } } },
    event { name = "fdi_capacity", title = { vi = "Dự án FDI mới đi vào sản xuất", en = "New FDI plants coming on stream" },
            from = 2006.5, to = 2006, targets = { "fdi" },
            effects = { { param = "g", add = normal(0, 0.3),
                          source = "fitted: total growth jumped to 21.3 % in H1 2007 while state and non-state did not accelerate; the FDI figure is missing from the source" } } },
  },
  observations = {
    obs.avg_growth { years = { 2001, 2005 }, pct = 18.7, se = 0.3, source = SEED },
    obs.growth { year = 2006, pct = 16.5, se = 0.3, source = SEED },
    obs.period_growth { year = 2007, months = 6, pct = 21.3, se = 0.3, source = SEED .. "; " .. DATA },
    -- Two-month figures swing with one month's deliveries: standard error 5 points.
    obs.period_growth { year = 2006, months = 2, pct = 21.3, se = 5, source = DATA },
    obs.period_growth { year = 2006, months = 8, pct = 17.1, source = DATA },
    obs.period_growth { year = 2006, months = 2, pct = 7.7, sector = "state", se = 5, source = DATA },
    obs.period_growth { year = 2006, months = 8, pct = 3.0, sector = "state", source = DATA },
    obs.period_growth { year = 2007, months = 6, pct = 5.9, sector = "state", source = DATA },
    obs.period_growth { year = 2006, months = 2, pct = 19.9, sector = "non_state", se = 5, source = DATA },
    obs.period_growth { year = 2006, months = 8, pct = 26.4, sector = "non_state", source = DATA },
    obs.period_growth { year = 2007, months = 6, pct = 24.9, sector = "non_state", source = DATA },
    obs.period_growth { year = 2006, months = 2, pct = 45.2, sector = "fdi", se = 5, source = DATA },
    obs.period_growth { year = 2006, months = 8, pct = 29.2, sector = "fdi", source = DATA },
    obs.level { year = 2000, value = 16500, se = 1250, source = "data/README.md: 16-17 trn VND (1994 prices), +-15 %" },
  },
  -- How a programme's costs and benefits are counted (docs/economics.md): money on the basis of
  -- 2007 prices, discounted to 2008, when the programme starts.
  economics = {
    discount_rate = { normal(0.10, 0.02), source = "real discount rate for public projects in developing Asia, 8-12 % (ADB guidelines)" },
    mcpf = { uniform(1.1, 1.4), source = "marginal cost of public funds, developing countries about 1.1-1.5 (Auriol & Warlters 2012)" },
    profit_outflow = { uniform(0.2, 0.4), source = "assumption: share of FDI value added repatriated as profit" },
    profit_sector = "fdi",
    net_of_investment = true,
    residual_value = { uniform(0.5, 1), source = "assumption: the extra capital left in 2030 counted at 50-100 % of its depreciated book value (second-hand value of plant)" },
    deflator0 = { 1.61, source = "GDP deflator 2000 vs 1994: GDP 441.6 trn VND current / 273.7 trn at 1994 prices (GSO)" },
    inflation_past = { 0.065, source = "GDP deflator rose roughly 6-8 % a year in 2000-2007 (data/README.md)" },
    inflation_until = 2007,
    inflation = { normal(0.05, 0.015), source = "assumption: deflator growth after 2007" },
    base_year = 2008,
    basis_year = 2007,
  },
  -- The government's plan for Hanoi 2006-2010 (QĐ 113/2006/QĐ-TTg): gross output +15-16 % a
  -- year, value added +12-13 % a year; an ensemble reports the chance of meeting the low ends.
  targets = {
    target.avg_growth { years = { 2006, 2010 }, pct = 15, source = "QĐ 113/2006/QĐ-TTg: gross output +15-16 %/yr 2006-2010" },
    target.avg_growth { years = { 2006, 2010 }, pct = 12, var = "value_added", source = "QĐ 113/2006/QĐ-TTg: value added +12-13 %/yr 2006-2010" },
  },
  -- Every number with a distribution is fitted; the data move what they can, the priors hold the
  -- rest (docs/hanoi-baseline.md).
  calibration = {
    fit = "uncertain",
    --[[ the numbers the data inform most: "output0.state", "output0.non_state", "output0.fdi", "f0.state", "f0.non_state", "f0.fdi",
            "s.state", "g.state", "n.non_state", "n.fdi",
            "event.equitisation.rate", "event.restructuring.g", "event.enterprise_law.gF", "event.fdi_wave.gF",
            "event.wto.f0", "event.fdi_capacity.g" ]]
  },
  report = { years = { 2010, 2015, 2020, 2030 }, basis = "1994 prices" },
}
