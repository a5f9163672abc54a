# Sources of the input layer (reading the CSV files users write), relative to
# engine/; built into libindsim beside the output layer. C only, no Lua.
set(INDSIM_INPUT_SOURCES
  input/ind_csvread.c
)
