# Sources of the output layer (CSV, tables, gnuplot driver), relative to engine/.
list(APPEND INDSIM_OUTPUT_SOURCES
  output/ind_utf8.c
  output/ind_fsout.c
  output/ind_csv.c
  output/ind_labels.c
  output/ind_gpscript.c
  output/ind_gnuplot.c
  output/ind_fan.c
  output/ind_plotjob.c
  output/ind_plot.c
  output/ind_plotwhatif.c
  output/ind_table.c
)
