-- Argo CD health of a TestRegion (resource.customizations.health.load.dlt.dev_TestRegion):
-- Healthy when its Ready condition is True, Degraded with the reason when it is False.
local hs = {status = "Progressing", message = "waiting for the ECS check"}
if obj.status ~= nil and obj.status.conditions ~= nil then
  for _, condition in ipairs(obj.status.conditions) do
    if condition.type == "Ready" then
      hs.message = condition.message or ""
      if condition.status == "True" then
        hs.status = "Healthy"
      else
        hs.status = "Degraded"
      end
    end
  end
end
return hs
