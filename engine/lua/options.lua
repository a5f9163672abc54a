-- options.lua — the settings of this run, shared by the API functions: the
-- output folder, plot format and language, where scenarios and templates are
-- looked up. The CLI fills them from its flags; a script may read them.
return {
  out = "out",            -- output folder
  format = "png",         -- plot format: png or svg
  lang = "both",          -- labels: vi, en or both
  plots = true,           -- false: no plots (CSV and tables only)
  plots_dir = nil,        -- folder of gnuplot templates (nil: ./plots if present, else the embedded ones)
  paths = {},             -- extra folders searched by scenario.load, before ./scenarios
  quiet = false,          -- true: no progress messages (tables still print)
  n = nil, seed = nil, threads = nil, -- -n, --seed, --threads: defaults of ensemble()
  gnuplot = "gnuplot",    -- the gnuplot program
  bom = false,            -- true: CSV files start with the UTF-8 byte-order mark (--bom)
  warned = {},            -- warnings already printed (printed once)
}
