-- Fixture (tests/cli/utf8_title.sh): Vietnamese titles with diacritics, which
-- must reach the gnuplot script intact (UTF-8).
return scenario {
  name = "vi_title",
  title = "Đào tạo nghề cho doanh nghiệp nhỏ — Hà Nội, ưu tiên khu vực ngoài nhà nước",
  period = { 2000, 2012 },
  sectors = {
    { name = "ngoai_nha_nuoc", title = "Ngoài nhà nước (tư nhân, hộ cá thể)" },
    { name = "fdi", title = { vi = "Có vốn đầu tư nước ngoài", en = "Foreign-invested" } },
  },
  params = { output0 = { ngoai_nha_nuoc = 3000, fdi = 3500 } },
  observations = { obs.growth { year = 2006, pct = 17.5, sector = "ngoai_nha_nuoc" } },
}
