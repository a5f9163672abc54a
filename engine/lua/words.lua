-- words.lua — the texts of the tables the Lua side prints (cost-benefit,
-- Monte Carlo, sensitivity, calibration, backtest) in English and Vietnamese
-- (--lang vi; anything else: English), as data, and rows padded by code
-- points so that Vietnamese headings line up. Files (CSV) stay English.
local options = require "indsim.options"

local M = {}

local EN = {
  -- cost-benefit
  cb_title = "Cost-benefit against '%s' — %s",
  cb_bands = "central run (every uncertain number at its median) and 90 %% band over %d draws, common random numbers; P(NPV>0): share of the draws with a positive NPV",
  cb_nobands = "central run (every uncertain number at its median); no ensemble (-n 0)",
  cb_head = { "scenario", "PV benefit", "PV cost", "NPV", "NPV 90 % band", "P(NPV>0)", "BCR", "BCR 90 % band", "payback",
              "payback 90 % band" },
  never = "never", pay_share = " (%.0f %% pay back)", draws_failed = " (%d draws failed, left out)",
  -- Monte Carlo
  mc_title = "Monte Carlo: %d draws each; median [5 %% – 95 %%]; production value in bn VND%s",
  mc_gain_over = "; gain over '%s' in %%",
  mc_rhs = "   [%.0f right-hand-side calls a draw]",
  mc_pv = "  %d  production value %s", mc_gain = "   gain %s %%",
  mc_target = "  target %s >= %.4g: P(met) = %.2f, expected shortfall when missed %.4g",
  -- sensitivity
  oat_title = "One at a time: %s of '%s' = %.6g with every uncertain number at its median; each number alone at its %g %% and %g %% quantiles",
  oat_head = { "number", "at low", "at high", "swing" },
  sobol_title = "Sobol indices of %s for '%s': %d base samples (%d runs%s), %d %% bootstrap intervals%s",
  sobol_random = ", pseudo-random points: more than 20 numbers", sobol_failed = ", %d failed rows left out",
  sobol_head = { "number", "S1", "interval", "ST", "interval" },
  more_in_csv = "(%d more in sensitivity.csv)",
  -- calibration
  cal_title = "Calibration of '%s' to %d observations%s: %s after %d iterations (%d runs); chi2 data %.3g, prior %.3g",
  cal_up_to = " up to %d", converged = "converged", not_converged = "NOT converged",
  cal_head = { "number", "prior", "fitted", "se", "moved (sd)", "se/sd", "set by" },
  cal_strong = "strong correlations (|r| >= 0.7): %s",
  cal_obs_head = { "observation", "observed", "fitted", "diff", "se" },
  held_out = "  (held out)", none = "(none)",
  by_data = "data", by_prior = "prior (data silent)", by_both = "data and prior", by_nothing = "NOT IDENTIFIED",
  -- backtest
  bt_title = "Backtest of '%s': calibrated on the observations up to %d, %d draws (parameters from the posterior, the rest from their priors); growth in %%, levels in bn VND",
  bt_head = { "held-out observation", "observed", "median", "error", "50 % band", "90 % band", "in50", "in90" },
  yes = "yes", no = "no",
  bt_inside = "inside the 50 %% band: %d of %d; inside the 90 %% band: %d of %d",
}

local VI = {
  cb_title = "Chi phí - lợi ích so với '%s' — %s",
  cb_bands = "lần chạy trung tâm (mọi số bất định ở trung vị) và khoảng 90 %% qua %d lượt mô phỏng, cùng số ngẫu nhiên; P(NPV>0): tỷ lệ lượt có NPV dương",
  cb_nobands = "lần chạy trung tâm (mọi số bất định ở trung vị); không mô phỏng (-n 0)",
  cb_head = { "kịch bản", "PV lợi ích", "PV chi phí", "NPV", "NPV khoảng 90 %", "P(NPV>0)", "BCR", "BCR khoảng 90 %",
              "hoàn vốn", "hoàn vốn khoảng 90 %" },
  never = "không", pay_share = " (%.0f %% hoàn vốn)", draws_failed = " (%d lượt lỗi, bỏ ra)",
  mc_title = "Mô phỏng Monte Carlo: %d lượt mỗi kịch bản; trung vị [5 %% – 95 %%]; giá trị sản xuất, tỷ đồng%s",
  mc_gain_over = "; tăng thêm so với '%s', %%",
  mc_rhs = "   [%.0f lần tính vế phải mỗi lượt]",
  mc_pv = "  %d  giá trị sản xuất %s", mc_gain = "   tăng thêm %s %%",
  mc_target = "  chỉ tiêu %s >= %.4g: P(đạt) = %.2f, thiếu hụt kỳ vọng khi không đạt %.4g",
  oat_title = "Từng số một: %s của '%s' = %.6g khi mọi số bất định ở trung vị; mỗi số riêng ở phân vị %g %% và %g %%",
  oat_head = { "số", "ở mức thấp", "ở mức cao", "biên độ" },
  sobol_title = "Chỉ số Sobol của %s cho '%s': %d mẫu gốc (%d lần chạy%s), khoảng bootstrap %d %%%s",
  sobol_random = ", điểm giả ngẫu nhiên: hơn 20 số", sobol_failed = ", bỏ %d hàng lỗi",
  sobol_head = { "số", "S1", "khoảng", "ST", "khoảng" },
  more_in_csv = "(còn %d số trong sensitivity.csv)",
  cal_title = "Hiệu chỉnh '%s' theo %d quan sát%s: %s sau %d vòng lặp (%d lần chạy); chi2 số liệu %.3g, tiên nghiệm %.3g",
  cal_up_to = " đến năm %d", converged = "hội tụ", not_converged = "KHÔNG hội tụ",
  cal_head = { "số", "tiên nghiệm", "ước lượng", "sai số", "dịch (sd)", "se/sd", "xác định bởi" },
  cal_strong = "tương quan mạnh (|r| >= 0.7): %s",
  cal_obs_head = { "quan sát", "số liệu", "mô hình", "chênh lệch", "sai số" },
  held_out = "  (để kiểm tra)", none = "(không có)",
  by_data = "số liệu", by_prior = "tiên nghiệm (số liệu không đủ thông tin)", by_both = "số liệu và tiên nghiệm",
  by_nothing = "KHÔNG XÁC ĐỊNH ĐƯỢC",
  bt_title = "Kiểm tra lùi '%s': hiệu chỉnh theo quan sát đến năm %d, %d lượt (tham số từ hậu nghiệm, còn lại từ tiên nghiệm); tăng trưởng tính bằng %%, mức tính bằng tỷ đồng",
  bt_head = { "quan sát để kiểm tra", "số liệu", "trung vị", "sai lệch", "khoảng 50 %", "khoảng 90 %", "trong50", "trong90" },
  yes = "có", no = "không",
  bt_inside = "trong khoảng 50 %%: %d trên %d; trong khoảng 90 %%: %d trên %d",
}

-- The fixed texts of the charts drawn from Lua (the C side has its own, in
-- ind_labels.c): with --lang both (the default) a chart shows "vi / en".
local CHART = {
  out_npv = { en = "net present value (bn VND)", vi = "giá trị hiện tại ròng (tỷ đồng)" },
  out_bcr = { en = "benefit-cost ratio", vi = "tỷ số lợi ích/chi phí" },
  out_pv_benefit = { en = "present value of the benefits (bn VND)", vi = "giá trị hiện tại của lợi ích (tỷ đồng)" },
  out_pv_cost = { en = "present value of the costs (bn VND)", vi = "giá trị hiện tại của chi phí (tỷ đồng)" },
  out_payback_year = { en = "payback year", vi = "năm hoàn vốn" },
  tornado_title = { en = "Sensitivity of %s — %s", vi = "Độ nhạy của %s — %s" },
  sobol_title = { en = "Sobol indices of %s — %s (%d samples%s, %d %% intervals)",
                  vi = "Chỉ số Sobol của %s — %s (%d mẫu%s, khoảng %d %%)" },
  pseudo_random = { en = ", pseudo-random", vi = ", giả ngẫu nhiên" },
  alone_title = { en = "Each policy alone, then what they add together",
                  vi = "Từng chính sách riêng, rồi phần thêm khi kết hợp" },
  shapley_title = { en = "Shapley shares of the package's gain%s", vi = "Phần Shapley của từng chính sách trong mức tăng của gói%s" },
  sampled_orders = { en = " (sampled orders)", vi = " (thứ tự lấy mẫu)" },
  cumulative_npv_title = { en = "Cumulative net present value against the baseline",
                           vi = "Giá trị hiện tại ròng cộng dồn so với kịch bản cơ sở" },
  cumulative_npv_band_title = { en = "Cumulative net present value against the baseline (shade: 90 %% band)",
                                vi = "Giá trị hiện tại ròng cộng dồn so với kịch bản cơ sở (vùng tô: khoảng 90 %%)" },
  npv_title = { en = "Net present value against '%s' (bar: central run; error bar: 90 %% band)",
                vi = "Giá trị hiện tại ròng so với '%s' (cột: lần chạy trung tâm; thanh sai số: khoảng 90 %%)" },
  money_at = { en = "bn VND at %s prices", vi = "tỷ đồng theo giá %s" },
  gain_in = { en = "gain in %s %d (%s)", vi = "mức tăng %s %d (%s)" },
}

-- A chart text: CHART[key] formatted with the arguments, in --lang's
-- language, or "vi<join>en" with both. An argument may itself be a pair
-- (M.pair): each language then gets its own.
local function chart_text(join, key, ...)
  local args = table.pack(...)
  local function in_lang(lang)
    local a = {}
    for i = 1, args.n do
      local v = args[i]
      a[i] = type(v) == "table" and v[lang] or v
    end
    return CHART[key][lang]:format(table.unpack(a, 1, args.n))
  end
  if options.lang == "vi" or options.lang == "en" then return in_lang(options.lang) end
  return in_lang("vi") .. join .. in_lang("en")
end
function M.chart(key, ...) return chart_text(" / ", key, ...) end
-- The same for a chart's title: with both languages, one line each.
function M.chart_title(key, ...) return chart_text("\n", key, ...) end

-- The two texts of a chart key, as an argument of M.chart; nil if there is none.
function M.pair(key) return CHART[key] end

-- The unit of a cost-benefit's money, for a chart axis, from its basis
-- ("bn VND at 2007 prices, discounted ..."; api.econ_basis).
function M.money(basis)
  local prices = basis and basis:match("^bn VND at (%d+) prices")
  if prices then return M.chart("money_at", prices) end
  return basis and basis:match("^(.-),") or "bn VND"
end

-- The text called key in the language of this run.
function M.t(key)
  local texts = options.lang == "vi" and VI or EN
  return texts[key] or EN[key]
end

-- An observation's or target's label in the run's language (label_vi from
-- the engine for --lang vi; files keep the English label).
function M.label(o) return options.lang == "vi" and o.label_vi or o.label end

-- The English text called key, whatever the run's language (for files).
function M.en(key) return EN[key] end

-- text padded to |width| code points: on the right (left-aligned) for a
-- negative width, on the left for a positive one.
function M.pad(text, width)
  text = tostring(text)
  local fill = (" "):rep(math.max(0, math.abs(width) - (utf8.len(text) or #text)))
  return width < 0 and text .. fill or fill .. text
end

-- One row: cells padded to widths (as M.pad), joined by spaces.
function M.row(widths, cells)
  local out = {}
  for i, w in ipairs(widths) do out[i] = M.pad(cells[i] == nil and "" or cells[i], w) end
  return table.concat(out, " ")
end

return M
