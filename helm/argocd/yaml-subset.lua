-- A strict reader for the YAML that health_test.yaml and testdata/*.yaml use: block mappings and
-- sequences, plain, single- and double-quoted scalars, empty {} and [], comments. Anything else
-- (anchors, block scalars, flow collections with content) is an error, never a silent misreading.
local M = {}

local function trim(s)
  return (s:gsub("^%s+", ""):gsub("%s+$", ""))
end

local function fail(line, why)
  error(string.format("line %d: %s", line.number, why), 0)
end

local ESCAPES = {n = "\n", t = "\t", ['"'] = '"', ["\\"] = "\\", ["/"] = "/"}

local function scalar(text, line)
  local s = trim(text)
  local first = s:sub(1, 1)
  if first == '"' then
    if #s < 2 or s:sub(-1) ~= '"' then fail(line, "unterminated double-quoted string") end
    return (s:sub(2, -2):gsub("\\(.)", function(c)
      if ESCAPES[c] == nil then fail(line, "unsupported escape \\" .. c) end
      return ESCAPES[c]
    end))
  elseif first == "'" then
    if #s < 2 or s:sub(-1) ~= "'" then fail(line, "unterminated single-quoted string") end
    return (s:sub(2, -2):gsub("''", "'"))
  end
  s = trim(s:gsub("%s#.*$", ""))
  if s == "{}" or s == "[]" then return {} end
  if first == "{" or first == "[" or first == "&" or first == "*" or first == "|" or first == ">" or first == "!" then
    fail(line, "unsupported YAML: " .. s)
  end
  if s == "true" then return true end
  if s == "false" then return false end
  if s == "" or s == "null" or s == "~" then return nil end
  if s:match("^%-?%d+$") or s:match("^%-?%d+%.%d+$") then return tonumber(s) end
  return s
end

local function key_of(text)
  local key, rest = text:match("^([%w_%.%-/]+):%s+(.*)$")
  if key == nil then
    key = text:match("^([%w_%.%-/]+):$")
    rest = ""
  end
  return key, rest
end

local function is_item(text)
  return text == "-" or text:sub(1, 2) == "- "
end

local parse_node

local function parse_map(lines, i, indent)
  local map = {}
  while i <= #lines and lines[i].indent == indent and not is_item(lines[i].text) do
    local line = lines[i]
    local key, rest = key_of(line.text)
    if key == nil then fail(line, "expected 'key: value', got: " .. line.text) end
    if map[key] ~= nil then fail(line, "duplicate key " .. key) end
    local next_line = lines[i + 1]
    if rest == "" and next_line ~= nil and (next_line.indent > indent or (next_line.indent == indent and is_item(next_line.text))) then
      map[key], i = parse_node(lines, i + 1, next_line.indent)
    else
      map[key] = scalar(rest, line)
      i = i + 1
    end
  end
  if i <= #lines and lines[i].indent > indent then fail(lines[i], "unexpected indentation") end
  return map, i
end

local function parse_seq(lines, i, indent)
  local seq = {}
  while i <= #lines and lines[i].indent == indent and is_item(lines[i].text) do
    local line = lines[i]
    local content = trim(line.text:sub(2))
    if content == "" then
      local next_line = lines[i + 1]
      if next_line == nil or next_line.indent <= indent then fail(line, "empty sequence item") end
      seq[#seq + 1], i = parse_node(lines, i + 1, next_line.indent)
    elseif key_of(content) ~= nil or is_item(content) then
      -- the item is a mapping (or sequence) that starts on this line, at the column of its content
      local column = indent + (line.text:find("%S", 2) - 1)
      lines[i] = {indent = column, text = content, number = line.number}
      seq[#seq + 1], i = parse_node(lines, i, column)
    else
      seq[#seq + 1] = scalar(content, line)
      i = i + 1
    end
  end
  return seq, i
end

parse_node = function(lines, i, indent)
  if is_item(lines[i].text) then
    return parse_seq(lines, i, indent)
  end
  return parse_map(lines, i, indent)
end

--- Parses a document; raises an error naming the line for anything outside the subset.
function M.parse(text)
  local lines = {}
  local number = 0
  for raw in (text .. "\n"):gmatch("(.-)\r?\n") do
    number = number + 1
    if raw:find("\t") then error(string.format("line %d: tabs are not YAML indentation", number), 0) end
    local body = trim(raw)
    if body ~= "" and body:sub(1, 1) ~= "#" and body ~= "---" then
      lines[#lines + 1] = {indent = #raw:match("^ *"), text = body, number = number}
    end
  end
  if #lines == 0 then return nil end
  local value, i = parse_node(lines, 1, lines[1].indent)
  if i <= #lines then fail(lines[i], "unexpected content") end
  return value
end

return M
