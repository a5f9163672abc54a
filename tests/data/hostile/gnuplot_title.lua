-- hostile: titles written to make gnuplot run a command (system(), backquotes,
-- a macro); they must be printed as text, and nothing run
return scenario {
  name = "gp_title",
  title = { vi = "x' ; system('touch /tmp/indsim_hostile_gp1') ; y='", en = "a `touch /tmp/indsim_hostile_gp2` @macro" },
  period = { 2000, 2003 },
  sectors = { { name = "a", title = { vi = "'.system('touch /tmp/indsim_hostile_gp3').'", en = "b" } } },
}
