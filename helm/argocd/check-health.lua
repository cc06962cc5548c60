-- Runs the health scripts on sample objects, as Argo CD does (a global `obj`, a returned table).
local failures = 0

local function health(script, object)
  obj = object
  local result = dofile(script)
  obj = nil
  return result
end

local function expect(script, object, status, message_part)
  local hs = health(script, object)
  if hs.status ~= status or (message_part and not string.find(hs.message or "", message_part, 1, true)) then
    failures = failures + 1
    print(string.format("FAIL %s: expected %s (%s), got %s (%s)", script, status, message_part or "", hs.status, hs.message or ""))
  end
end

local dir = arg[1] or "."
local lt = dir .. "/loadtest-health.lua"
local tr = dir .. "/testregion-health.lua"
local meta = {generation = 2}

expect(lt, {metadata = meta}, "Progressing", "waiting")
expect(lt, {metadata = meta, status = {phase = "Running", observedGeneration = 2, message = "3 of 10 workers finished"}},
  "Progressing", "Running: 3 of 10")
expect(lt, {metadata = meta, status = {phase = "Succeeded", observedGeneration = 2, message = "1000 requests"}}, "Healthy", "1000 requests")
expect(lt, {metadata = meta, status = {phase = "Failed", observedGeneration = 2, message = "spec.workers[0].count: must be at least 1"}},
  "Degraded", "spec.workers[0].count")
expect(lt, {metadata = meta, status = {phase = "Cancelled", observedGeneration = 2}}, "Degraded", "Cancelled")
expect(lt, {metadata = meta, status = {phase = "Recording", observedGeneration = 2,
  message = "Succeeded (recording): waiting for DynamoDB since 2026-11-30T10:00:00Z"}}, "Progressing", "waiting for DynamoDB")
expect(lt, {metadata = meta, status = {phase = "Succeeded", observedGeneration = 1}}, "Progressing", "latest spec")
expect(tr, {metadata = meta}, "Progressing", "waiting")
expect(tr, {metadata = meta, status = {conditions = {{type = "Ready", status = "True", message = "cluster ACTIVE"}}}}, "Healthy", "ACTIVE")
expect(tr, {metadata = meta, status = {conditions = {{type = "Ready", status = "False", message = "task definition x not found"}}}},
  "Degraded", "not found")

if failures > 0 then
  os.exit(1)
end
print("argocd health scripts: all checks passed")
