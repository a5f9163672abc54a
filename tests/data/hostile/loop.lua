-- hostile: a runaway loop in the file itself (the instruction hook stops it)
while true do end
