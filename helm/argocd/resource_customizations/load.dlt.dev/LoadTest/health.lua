-- Argo CD health of a LoadTest (resource.customizations.health.load.dlt.dev_LoadTest).
-- In progress (or any condition Unknown, such as the verdict during a run): Progressing.
-- A scheduled test waiting for its next (or first) run: Healthy, with the last run's phase and verdict.
-- A run that failed or was cancelled, or whose verdict is Failed or Inconclusive: Degraded.
-- A run that succeeded with verdict Passed or NoThresholds: Healthy.
local hs = {}
local status = obj.status
if status == nil or status.phase == nil then
  hs.status = "Progressing"
  hs.message = "waiting for the operator"
  return hs
end
local generation = obj.metadata.generation
if generation ~= nil and status.observedGeneration ~= nil and status.observedGeneration < generation then
  hs.status = "Progressing"
  hs.message = "the operator has not seen the latest spec yet"
  return hs
end
local phase = status.phase
local summary = phase .. ": " .. (status.message or "")
local passed = nil
if status.conditions ~= nil then
  for _, condition in ipairs(status.conditions) do
    if condition.status == "Unknown" then
      hs.status = "Progressing"
      hs.message = summary
      return hs
    end
    if condition.type == "Passed" then
      passed = condition
    end
  end
end
local verdict = nil
if status.result ~= nil then
  verdict = status.result.verdict
end
local terminal = phase == "Succeeded" or phase == "Failed" or phase == "Cancelled"
if (terminal or phase == "Pending") and status.nextRunAt ~= nil and status.nextRunAt ~= "" then
  hs.status = "Healthy"
  hs.message = "next run at " .. status.nextRunAt
  if terminal then
    hs.message = hs.message .. "; last run " .. phase
    if verdict ~= nil then
      hs.message = hs.message .. ", verdict " .. verdict
    end
  end
  return hs
end
if phase == "Failed" or phase == "Cancelled" then
  hs.status = "Degraded"
  hs.message = summary
elseif verdict == "Failed" or verdict == "Inconclusive" then
  hs.status = "Degraded"
  if passed ~= nil and passed.message ~= nil then
    hs.message = "verdict " .. passed.message
  else
    hs.message = "verdict " .. verdict
  end
elseif phase == "Succeeded" then
  hs.status = "Healthy"
  hs.message = summary
else
  hs.status = "Progressing"
  hs.message = summary
end
return hs
