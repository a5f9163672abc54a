# Sources of the output layer (CSV, tables, gnuplot driver), relative to engine/.
list(APPEND INDSIM_OUTPUT_SOURCES
)
