return scenario { name = "minimal", period = { 2010, 2020 }, sectors = { "industry" } }
