-- hostile: raises a table whose metamethods raise or never end; indsim must report
-- a plain scenario error (exit 3), neither crash nor hang on reading it.
error(setmetatable({}, {
  __index = function() error("boom from __index") end,
  __tostring = function() while true do end end,
}))
