-- check.lua — how the scenario language reports mistakes: every error names
-- the file, the line and the key path, the value and what was expected, and
-- unknown keys get the closest known one ("did you mean 'from'?").
local core = require "indsim.core"

local M = {}

local sources = {}   -- chunk name ("@path") -> source text, to find a key's line

function M.remember_source(chunkname, text) sources[chunkname] = text end

local running = {}    -- stack of the files being run: { chunk =, file = }
local boundary        -- the loader's function that runs a file (set_boundary)

-- fn runs user files; meeting its frame while looking for the user's code
-- means the innermost file's own frame was dropped by a tail call.
function M.set_boundary(fn) boundary = fn end

function M.enter_file(chunk, file) running[#running + 1] = { chunk = chunk, file = file } end
function M.leave_file() running[#running] = nil end

-- The line of the last top-level `return` of a file: where a constructor
-- called as `return scenario{...}` (a tail call, whose frame Lua drops) is.
local function last_return_line(chunk)
  local text, line, n = sources[chunk], 1, 0
  for l in ((text or "") .. "\n"):gmatch("([^\n]*)\n") do
    n = n + 1
    if l:match("^return[%s%(%{]") or l == "return" then line = n end
  end
  return line
end

-- Where the user's code is: the first stack frame that runs a file (chunk
-- names "@path"; engine modules are "=indsim/..."), else the file being run.
function M.where()
  local top = running[#running]
  for level = 2, 50 do
    local info = debug.getinfo(level, "Slf")
    if not info then break end
    if info.source:sub(1, 1) == "@" then
      return { chunk = info.source, file = info.short_src, line = info.currentline }
    end
    if info.func == boundary then break end
  end
  if top then return { chunk = top.chunk, file = top.file, line = last_return_line(top.chunk) } end
  return { chunk = "?", file = "?", line = 0 }
end

-- The line, at or after where.line, on which the keys of path appear in
-- order ("params", "g", "state"): a table constructor spanning many lines
-- still gets its offending line named.
-- The last line of the table constructor that starts on or after line
-- `first`: braces counted, strings and comments skipped (roughly).
local function constructor_end(lines, first, n)
  local depth, opened = 0, false
  for i = first, n do
    local l = lines[i]:gsub("%-%-.*$", ""):gsub('"[^"]*"', '""'):gsub("'[^']*'", "''")
    for c in l:gmatch("[{}]") do
      depth = depth + (c == "{" and 1 or -1)
      opened = true
      if opened and depth == 0 then return i end
    end
  end
  return n
end

local function locate(where, path)
  local text = sources[where.chunk]
  if not text or not path or #path == 0 then return where.line end
  local lines, n = {}, 0
  for l in (text .. "\n"):gmatch("([^\n]*)\n") do n = n + 1; lines[n] = l end
  if where.line < 1 or where.line > n then return where.line end
  local last = constructor_end(lines, where.line, n)
  local line, found = where.line, where.line
  for _, key in ipairs(path) do
    if type(key) == "string" then
      local pat = "%f[%w_]" .. key:gsub("%p", "%%%0") .. "%f[^%w_]%s*="
      for i = line, last do
        if lines[i]:find(pat) then line = i; found = i; break end
      end
    end
  end
  return found
end

local function path_text(path)
  local out = {}
  for _, k in ipairs(path or {}) do
    out[#out + 1] = type(k) == "number" and ("[" .. k .. "]") or tostring(k)
  end
  return (table.concat(out, "."):gsub("%.%[", "["))
end

local function raise(where, line, path, fmt, ...)
  local msg = select("#", ...) > 0 and fmt:format(...) or fmt
  local key = path_text(path)
  local at = where.file ~= "?" and ("%s:%d: "):format(where.file, line) or "" -- no file: called from the command line
  core.fail("scenario", ("%s%s%s"):format(at, key ~= "" and (key .. ": ") or "", msg))
end

-- Raise a scenario error at where (see M.where), about the key path, on the
-- line where that key is written.
function M.fail(where, path, fmt, ...) raise(where, locate(where, path), path, fmt, ...) end

-- The same about a key that is missing: the line of the constructor.
function M.missing(where, path, fmt, ...) raise(where, where.line, path, fmt, ...) end

-- The key a call like `alpha = normal(...)` (or `alpha = { normal(...)`) on
-- where's line is assigned to, if the line shows one.
function M.key_on_line(where, fname)
  local text = sources[where.chunk]
  if not text then return nil end
  local n = 0
  for l in (text .. "\n"):gmatch("([^\n]*)\n") do
    n = n + 1
    if n == where.line then
      return l:match("([%a_][%w_]*)%s*=%s*{?%s*" .. fname .. "%s*%(")
    end
  end
end

-- Optimal string alignment distance (a transposition counts one edit).
local function distance(a, b)
  local d = {}
  for i = 0, #a do d[i] = { [0] = i } end
  for j = 0, #b do d[0][j] = j end
  for i = 1, #a do
    for j = 1, #b do
      local cost = a:sub(i, i) == b:sub(j, j) and 0 or 1
      local v = math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if i > 1 and j > 1 and a:sub(i, i) == b:sub(j - 1, j - 1) and a:sub(i - 1, i - 1) == b:sub(j, j) then
        v = math.min(v, d[i - 2][j - 2] + 1)
      end
      d[i][j] = v
    end
  end
  return d[#a][#b]
end

-- The known name closest to name, if close enough to be a typo.
function M.suggest(name, known)
  local best, bestd
  for _, k in ipairs(known) do
    local dist = distance(name:lower(), k:lower()) + distance(name, k) / 100 -- exact case breaks ties
    if not bestd or dist < bestd then best, bestd = k, dist end
  end
  bestd = bestd and math.floor(bestd)
  if best and bestd <= math.max(2, #name // 3) then return best end
end

local function sorted_keys(set)
  local out = {}
  for k in pairs(set) do out[#out + 1] = k end
  table.sort(out)
  return out
end

-- Every string key of t must be in allowed (a set); numeric keys only if
-- allow_list. `what` names the table in messages ("policy.training").
function M.keys(t, allowed, where, path, what, allow_list)
  for k in next, t do -- raw: a __pairs of the file's own runs nothing here
    if type(k) ~= "string" then
      if not (allow_list and math.type(k) == "integer") then
        M.fail(where, path, "unexpected entry [%s] in %s", type(k) == "number" and tostring(k) or ("a " .. type(k)), what)
      end
    elseif not allowed[k] then
      local near = M.suggest(k, sorted_keys(allowed))
      local p = { table.unpack(path) }
      p[#p + 1] = k
      M.fail(where, p, "unknown key '%s' in %s%s", k, what,
             near and (" — did you mean '" .. near .. "'?") or
             (" (known keys: " .. table.concat(sorted_keys(allowed), ", ") .. ")"))
    end
  end
end

local function describe(v)
  if type(v) == "string" then return ("'%s'"):format(v) end
  if v ~= v then return "NaN (not a number)" end
  return tostring(v)
end

function M.typed(v, ty, where, path, what)
  local ok = type(v) == ty or (ty == "integer" and math.type(v) == "integer")
  if not ok then
    local report = v == nil and M.missing or M.fail
    report(where, path, "%s expected for %s, got %s (%s)", ty, what or "this key", type(v), describe(v))
  end
  return v
end

function M.number_in(v, lo, hi, where, path, unit)
  M.typed(v, "number", where, path)
  if v ~= v or v < lo or v > hi then
    M.fail(where, path, "value %s outside the allowed range [%g, %g]%s", describe(v), lo, hi,
           unit and (" " .. unit) or "")
  end
  return v
end

-- The entries of a list the user wrote, as a proper sequence: an entry that
-- is nil (a misspelt or undefined name) is an error, not the silent end of
-- the list; so is any key that is not 1..n.
function M.list(v, where, path, what)
  M.typed(v, "table", where, path, what)
  local n = 0
  for k in pairs(v) do
    if math.type(k) ~= "integer" or k < 1 then M.fail(where, path, "%s: a list expected", what) end
    if k > n then n = k end
  end
  local out = {}
  for i = 1, n do
    if v[i] == nil then
      local p = { table.unpack(path) }
      p[#p + 1] = i
      M.fail(where, p, "entry %d of %s is nil (a misspelt or undefined name?)", i, what)
    end
    out[i] = v[i]
  end
  return out
end

function M.set(list)
  local s = {}
  for _, k in ipairs(list) do s[k] = true end
  return s
end

return M
