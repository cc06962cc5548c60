-- Runs every case of every health_test.yaml under <dir>/resource_customizations, as Argo CD's own
-- tests do: each testdata object goes to the kind's health.lua as the global `obj`, and the returned
-- status and message must equal the expected ones exactly. Every testdata file must be used.
local dir = arg[1] or "."
local yaml = dofile(dir .. "/yaml-subset.lua")

local function read(path)
  local file = assert(io.open(path, "r"))
  local text = file:read("*a")
  file:close()
  return text
end

local function lines_of(command)
  local out = {}
  local pipe = assert(io.popen(command))
  for line in pipe:lines() do
    out[#out + 1] = line
  end
  pipe:close()
  return out
end

local failures, cases = 0, 0
local used = {}
local tests = lines_of("find '" .. dir .. "/resource_customizations' -name health_test.yaml | sort")
if #tests == 0 then
  print("FAIL no health_test.yaml under " .. dir .. "/resource_customizations")
  os.exit(1)
end
for _, test_file in ipairs(tests) do
  local kind_dir = test_file:match("^(.*)/health_test.yaml$")
  local spec = yaml.parse(read(test_file))
  if spec == nil or spec.tests == nil or #spec.tests == 0 then
    failures = failures + 1
    print("FAIL " .. test_file .. ": no tests")
  else
    for _, case in ipairs(spec.tests) do
      cases = cases + 1
      local input = kind_dir .. "/" .. case.inputPath
      used[input] = true
      obj = yaml.parse(read(input))
      local ok, hs = pcall(dofile, kind_dir .. "/health.lua")
      obj = nil
      local want = case.healthStatus
      if not ok then
        failures = failures + 1
        print(string.format("FAIL %s: health.lua raised %s", input, tostring(hs)))
      elseif hs.status ~= want.status or (hs.message or "") ~= (want.message or "") then
        failures = failures + 1
        print(string.format("FAIL %s:\n  expected %s: %s\n  got      %s: %s", input, want.status, want.message or "",
          tostring(hs.status), tostring(hs.message or "")))
      end
    end
  end
  for _, data in ipairs(lines_of("find '" .. kind_dir .. "/testdata' -name '*.yaml' | sort")) do
    if not used[data] then
      failures = failures + 1
      print("FAIL " .. data .. " is not used by " .. test_file)
    end
  end
end

if failures > 0 then
  print(string.format("argocd health: %d of %d cases failed", failures, cases))
  os.exit(1)
end
print(string.format("argocd health: all %d cases of %d health_test.yaml passed", cases, #tests))
