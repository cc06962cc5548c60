-- Argo CD health of a LoadTest (resource.customizations.health.load.dlt.dev_LoadTest).
-- A run in progress is Progressing; a finished run is Healthy when it succeeded, Degraded when it
-- failed or was cancelled. A status from an older spec generation counts as Progressing.
local hs = {}
if obj.status == nil or obj.status.phase == nil then
  hs.status = "Progressing"
  hs.message = "waiting for the operator"
  return hs
end
local generation = obj.metadata.generation
if generation ~= nil and obj.status.observedGeneration ~= nil and obj.status.observedGeneration < generation then
  hs.status = "Progressing"
  hs.message = "the operator has not seen the latest spec yet"
  return hs
end
local phase = obj.status.phase
hs.message = phase .. ": " .. (obj.status.message or "")
if phase == "Succeeded" then
  hs.status = "Healthy"
elseif phase == "Failed" or phase == "Cancelled" then
  hs.status = "Degraded"
else
  hs.status = "Progressing"
end
return hs
