-- the three forms of a parameter, a bilingual title, solver and report
return scenario {
  name = "params",
  title = { vi = "Tham số", en = "Parameters" },
  description = "every form",
  period = { 2005, 2020 },
  sectors = { "state", { name = "private", title = { vi = "Ngoài nhà nước", en = "Private" } } },
  params = {
    output0 = { state = 6000, private = 4000, source = "statistical yearbook (example)" },
    alpha = 0.5,
    g = { 0.015, range = { 0.01, 0.02 }, unit = "1/yr", source = "TFP growth 1-2 %/yr", note = "rough" },
    s = { state = 0.2, default = { 0.3, range = { 0.2, 0.4 }, source = "assumption" } },
    tau_E = 2,
  },
  solver = { method = "rk8pd", rtol = 1e-10, atol = 1e-12, h0 = 0.01, max_steps = 100000 },
  report = { years = { 2010, 2015, 2020 }, basis = "2005 prices" },
}
