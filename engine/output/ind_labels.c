/* ind_labels.c — the vi/en label table of plots. */
#include "ind_labels.h"

#include <stdio.h>
#include <string.h>

#include "ind_observe.h"
#include "ind_scenario.h"
#include "ind_var.h"

/* Each label and the name scripts ask for it by (ind_label_find). */
static const struct { const char *name; ind_label text; } labels[IND_NLABELS] = {
  [IND_L_YEAR] = {"year", {"Năm", "Year"}},
  [IND_L_OBSERVED] = {"observed", {"Quan sát (± 1 sai số chuẩn)", "Observed (± 1 s.e.)"}},
  [IND_L_MODEL] = {"model", {"Mô hình tại quan sát", "Model at the observation"}},
  [IND_L_TOTAL] = {"total", {"Tổng", "Total"}},
  [IND_L_HISTORY] = {"history", {"Lịch sử", "History"}},
  [IND_L_PROJECTION] = {"projection", {"Dự báo", "Projection"}},
  [IND_L_PV_TITLE] = {"pv_title", {"Giá trị sản xuất công nghiệp theo khu vực", "Industrial production value by sector"}},
  [IND_L_COMPARE_TITLE] = {"compare_title", {"So sánh các kịch bản", "Scenario comparison"}},
  [IND_L_GAIN] = {"gain", {"Chênh lệch so với kịch bản cơ sở (%)", "Gain over baseline (%)"}},
  [IND_L_GAIN_PP] = {"gain_pp", {"Chênh lệch so với kịch bản cơ sở (điểm %)", "Difference from baseline (pp)"}},
  [IND_L_PCT] = {"pct", {"%", "%"}},
  [IND_L_PP] = {"pp", {"điểm %", "pp"}},
  [IND_L_MEDIAN] = {"median", {"Trung vị", "Median"}},
  [IND_L_MEAN] = {"mean", {"Trung bình", "Mean"}},
  [IND_L_BAND_90] = {"band_90", {"Khoảng 5–95 %", "5–95 % band"}},
  [IND_L_BAND_50] = {"band_50", {"Khoảng 25–75 %", "25–75 % band"}},
  [IND_L_OBS_MEDIAN] = {"obs_median", {"Trung vị tại quan sát", "Median at the observation"}},
  [IND_L_GAIN_OVER] = {"gain_over", {"Chênh lệch so với", "Gain over"}},
  [IND_L_BASELINE] = {"baseline", {"kịch bản cơ sở", "the baseline"}},
  [IND_L_PV_GAIN] = {"pv_gain", {"Chênh lệch giá trị sản xuất", "Production value gain"}},
  [IND_L_PV_GAIN_PCT] = {"pv_gain_pct", {"Chênh lệch giá trị sản xuất (%)", "Production value gain (%)"}},
  [IND_L_DRAWS] = {"draws", {"lượt mô phỏng", "draws"}},
  [IND_L_FAILED] = {"failed", {"lỗi", "failed"}},
  [IND_L_SOBOL_FIRST] = {"sobol_first", {"Chỉ số Sobol bậc nhất", "First-order Sobol index"}},
  [IND_L_SOBOL_TOTAL] = {"sobol_total", {"Chỉ số Sobol toàn phần", "Total-order Sobol index"}},
  [IND_L_SOBOL_INDEX] = {"sobol_index", {"Chỉ số Sobol", "Sobol index"}},
  [IND_L_BCR] = {"bcr", {"Tỷ số lợi ích/chi phí", "Benefit-cost ratio"}},
  [IND_L_INTERACTION] = {"interaction", {"Tương tác", "Interaction"}},
  [IND_L_INPUT_LOW] = {"input_low", {"Đầu vào ở phân vị thấp", "Input at its low quantile"}},
  [IND_L_INPUT_HIGH] = {"input_high", {"Đầu vào ở phân vị cao", "Input at its high quantile"}},
  [IND_L_ALL_MEDIAN] = {"all_median", {"Mọi đầu vào ở trung vị", "Every input at its median"}},
  [IND_L_TOP_SWINGS] = {"top_swings", {"đầu vào có biên độ lớn nhất", "inputs with the largest swing"}},
  [IND_L_OF] = {"of", {"trong số", "of"}},
};

/* Name and unit of each annual variable; a variable added later without an
 * entry falls back to its CSV name and unit. */
static const struct { ind_label name, unit; } var_labels[IND_NVARS] = {
  [IND_V_PRODUCTION_VALUE] = {{"Giá trị sản xuất công nghiệp", "Industrial production value"}, {"tỷ đồng", "bn VND"}},
  [IND_V_GROWTH] = {{"Tăng trưởng giá trị sản xuất", "Growth of production value"}, {"%/năm", "%/yr"}},
  [IND_V_VALUE_ADDED] = {{"Giá trị tăng thêm", "Value added"}, {"tỷ đồng", "bn VND"}},
  [IND_V_INVESTMENT] = {{"Vốn đầu tư", "Investment"}, {"tỷ đồng/năm", "bn VND/yr"}},
  [IND_V_CAPITAL] = {{"Vốn cố định", "Capital stock"}, {"tỷ đồng", "bn VND"}},
  [IND_V_EMPLOYMENT] = {{"Lao động", "Employment"}, {"nghìn người", "thousand workers"}},
  [IND_V_LABOUR_PRODUCTIVITY] = {{"Năng suất lao động", "Labour productivity"}, {"triệu đồng/người", "mn VND/worker"}},
  [IND_V_SKILLED_SHARE] = {{"Tỷ lệ lao động qua đào tạo", "Skilled share of workers"}, {"%", "%"}},
  [IND_V_MODERN_TECH_SHARE] = {{"Tỷ lệ vốn công nghệ hiện đại", "Modern-technology share of capital"}, {"%", "%"}},
  [IND_V_POLICY_COST] = {{"Chi phí chính sách", "Policy cost"}, {"tỷ đồng/năm", "bn VND/yr"}},
  [IND_V_TFP_INDEX] = {{"Chỉ số năng suất nhân tố tổng hợp (TFP)", "TFP index"}, {"năm đầu = 1", "first year = 1"}},
  [IND_V_VA_SHARE] = {{"Tỷ lệ giá trị tăng thêm", "Value-added share"}, {"%", "%"}},
  [IND_V_BUSINESS_ENV] = {{"Cải thiện môi trường kinh doanh", "Business environment improvement"},
                          {"điểm PCI", "PCI points"}},
};

ind_status ind_lang_parse(const char *s, ind_lang *out, ind_err *err) {
  static const char *const names[] = {"vi", "en", "both"};
  if (!s) s = "both";
  for (int i = 0; i < 3; i++)
    if (strcmp(s, names[i]) == 0) {
      *out = (ind_lang)i;
      return IND_OK;
    }
  return ind_err_set(err, IND_EINVAL, "unknown language '%s' (expected vi, en or both)", s);
}

ind_label ind_label_get(ind_label_id id) {
  ind_label none = {NULL, NULL};
  return (id >= 0 && id < IND_NLABELS) ? labels[id].text : none;
}

int ind_label_find(const char *name) {
  for (int i = 0; name && i < IND_NLABELS; i++)
    if (strcmp(labels[i].name, name) == 0) return i;
  return -1;
}

ind_label ind_var_name_label(int var) {
  const ind_var_info *info = ind_var_info_get(var);
  ind_label fallback = {info ? info->name : "?", info ? info->name : "?"};
  return info && var_labels[var].name.vi ? var_labels[var].name : fallback;
}

ind_label ind_var_unit_label(int var) {
  const ind_var_info *info = ind_var_info_get(var);
  int frac = info && strcmp(info->unit, "fraction") == 0;
  ind_label fallback = {frac ? "%" : info ? info->unit : "", frac ? "%" : info ? info->unit : ""};
  return info && var_labels[var].unit.vi ? var_labels[var].unit : fallback;
}

const char *ind_label_format(ind_label l, ind_lang lang, const char *sep, char *buf, size_t n) {
  const char *vi = l.vi ? l.vi : "", *en = l.en ? l.en : "";
  if (lang == IND_LANG_VI) snprintf(buf, n, "%s", vi);
  else if (lang == IND_LANG_EN) snprintf(buf, n, "%s", en);
  else if (strcmp(vi, en) == 0) snprintf(buf, n, "%s", vi);
  else snprintf(buf, n, "%s%s%s", vi, sep ? sep : " / ", en);
  return buf;
}

/* Production value and value added are at constant prices: their unit names
 * the basis. "YYYY prices" is said in both languages; any other basis is
 * written as given after both units. */
ind_label ind_var_unit_label_basis(int var, const char *basis, char *buf, size_t n) {
  ind_label u = ind_var_unit_label(var);
  if (var != IND_V_PRODUCTION_VALUE && var != IND_V_VALUE_ADDED) return u;
  size_t half = n / 2;
  if (!basis || !*basis) {
    snprintf(buf, half, "%s, giá cố định", u.vi);
    snprintf(buf + half, n - half, "%s, constant prices", u.en);
  } else if (strlen(basis) == 11 && strspn(basis, "0123456789") == 4 && strcmp(basis + 4, " prices") == 0) {
    snprintf(buf, half, "%s, giá %.4s", u.vi, basis); /* exactly "YYYY prices" */
    snprintf(buf + half, n - half, "%s, %s", u.en, basis);
  } else {
    snprintf(buf, half, "%s, %s", u.vi, basis);
    snprintf(buf + half, n - half, "%s, %s", u.en, basis);
  }
  return (ind_label){buf, buf + half};
}

const char *ind_obs_label(const ind_observation *o, const ind_scenario *sc, ind_lang lang, char *buf, size_t n) {
  static const ind_obs_words vi = {"tổng", "giá trị tăng thêm: ", "mức năm ", "tăng trưởng năm ", "tăng trưởng bình quân ",
                                   " tháng đầu năm ", "tháng ", " năm ", " so cùng kỳ"};
  return ind_obs_describe_in(o, sc, lang == IND_LANG_VI ? &vi : &ind_obs_words_en, buf, n);
}
