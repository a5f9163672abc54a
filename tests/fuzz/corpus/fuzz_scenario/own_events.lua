-- events and transfers of the baseline
return scenario {
  name = "equitisation",
  period = { 2000, 2015 },
  sectors = { "state", "private" },
  params = { tau_E = 0.1 },
  events = {
    transfer { name = "equitisation", from_sector = "state", to_sector = "private",
               rate = { 0.05, source = "assumption" }, from = 2003, ramp = 2, to = 2008, decay = 2 },
    event { name = "power shortage", from = 2010, to = 2010, targets = "private",
            effects = { { param = "g", add = -0.02, source = "assumption" } } },
    event { name = "crisis", title = { vi = "Khủng hoảng", en = "Crisis" }, from = 2008, to = 2009, decay = 1,
            effects = { { param = "s", mul = -0.3 } },
            transfers = { { from_sector = "private", to_sector = "state", rate = 0.01 } }, note = "assumption" },
  },
}
