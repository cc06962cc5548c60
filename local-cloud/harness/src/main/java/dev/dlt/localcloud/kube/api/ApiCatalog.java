package dev.dlt.localcloud.kube.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the local API server serves, for discovery ({@code /api}, {@code /apis}, {@code /api/v1},
 * {@code /apis/<group>/<version>}, the legacy documents kubectl falls back to) and for Tables: the
 * core kinds the operator uses, and every version of the CRDs loaded, with their printer columns.
 */
final class ApiCatalog {

    private final ObjectMapper json;
    private final List<ApiResource> resources = new ArrayList<>();

    ApiCatalog(ObjectMapper json, List<CustomResourceDefinition> crds) {
        this.json = json;
        resources.add(core("pods", "pod", "Pod", true, List.of("po"), List.of(TableColumn.nameColumn(),
                new TableColumn("Ready", "string", "", "The number of ready containers.", 0, "#ready"),
                new TableColumn("Status", "string", "", "The pod's phase.", 0, ".status.phase"),
                new TableColumn("Restarts", "integer", "", "Restarts of the first container.", 0, ".status.containerStatuses[0].restartCount"),
                TableColumn.ageColumn(),
                new TableColumn("IP", "string", "", "The pod's IP address.", 1, ".status.podIP"))));
        resources.add(core("events", "event", "Event", true, List.of("ev"), List.of(
                new TableColumn("Last Seen", "date", "", "When the event was last seen.", 0, ".lastTimestamp"),
                new TableColumn("Type", "string", "", "Normal or Warning.", 0, ".type"),
                new TableColumn("Reason", "string", "", "Why the event was recorded.", 0, ".reason"),
                new TableColumn("Object", "string", "", "The object the event is about.", 0, "#involvedObject"),
                new TableColumn("Message", "string", "", "What happened.", 0, ".message"))));
        resources.add(core("configmaps", "configmap", "ConfigMap", true, List.of("cm"), defaultColumns()));
        resources.add(core("secrets", "secret", "Secret", true, List.of(), defaultColumns()));
        resources.add(core("services", "service", "Service", true, List.of("svc"), defaultColumns()));
        resources.add(core("serviceaccounts", "serviceaccount", "ServiceAccount", true, List.of("sa"), defaultColumns()));
        resources.add(core("namespaces", "namespace", "Namespace", false, List.of("ns"), defaultColumns()));
        resources.add(new ApiResource("apiextensions.k8s.io", "v1", "customresourcedefinitions", "customresourcedefinition",
                "CustomResourceDefinition", false, List.of("crd", "crds"), List.of(), true, defaultColumns()));
        for (CustomResourceDefinition crd : crds) {
            var names = crd.getSpec().getNames();
            for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
                if (!Boolean.TRUE.equals(version.getServed())) {
                    continue;
                }
                List<TableColumn> columns = new ArrayList<>(List.of(TableColumn.nameColumn()));
                if (version.getAdditionalPrinterColumns() == null || version.getAdditionalPrinterColumns().isEmpty()) {
                    columns.add(TableColumn.ageColumn());
                } else {
                    version.getAdditionalPrinterColumns().forEach(c -> columns.add(new TableColumn(c.getName(), c.getType(),
                            c.getFormat() == null ? "" : c.getFormat(), c.getDescription() == null ? "" : c.getDescription(),
                            c.getPriority() == null ? 0 : c.getPriority(), c.getJsonPath())));
                }
                boolean status = version.getSubresources() != null && version.getSubresources().getStatus() != null;
                resources.add(new ApiResource(crd.getSpec().getGroup(), version.getName(), names.getPlural(),
                        names.getSingular() == null ? names.getKind().toLowerCase(java.util.Locale.ROOT) : names.getSingular(),
                        names.getKind(), "Namespaced".equals(crd.getSpec().getScope()),
                        names.getShortNames() == null ? List.of() : names.getShortNames(),
                        names.getCategories() == null ? List.of() : names.getCategories(), status, List.copyOf(columns)));
            }
        }
    }

    private static ApiResource core(String plural, String singular, String kind, boolean namespaced, List<String> shortNames,
                                    List<TableColumn> columns) {
        return new ApiResource("", "v1", plural, singular, kind, namespaced, shortNames, List.of(), plural.equals("pods"), columns);
    }

    private static List<TableColumn> defaultColumns() {
        return List.of(TableColumn.nameColumn(), TableColumn.ageColumn());
    }

    Optional<ApiResource> find(String group, String version, String plural) {
        return resources.stream().filter(r -> r.group().equals(group) && r.version().equals(version) && r.plural().equals(plural)).findFirst();
    }

    /** The discovery document at {@code path}, or empty when the path is not a discovery path. */
    Optional<ObjectNode> discovery(String path) {
        String trimmed = path.replaceAll("/+$", "");
        if (trimmed.equals("/api")) {
            ObjectNode versions = json.createObjectNode().put("kind", "APIVersions");
            versions.putArray("versions").add("v1");
            versions.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0").put("serverAddress", "127.0.0.1");
            return Optional.of(versions);
        }
        if (trimmed.equals("/apis")) {
            ObjectNode list = json.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
            ArrayNode groups = list.putArray("groups");
            groupVersions().forEach((group, versions) -> {
                ObjectNode node = groups.addObject().put("name", group);
                ArrayNode array = node.putArray("versions");
                versions.forEach(v -> array.addObject().put("groupVersion", group + "/" + v).put("version", v));
                node.putObject("preferredVersion").put("groupVersion", group + "/" + versions.get(0)).put("version", versions.get(0));
            });
            return Optional.of(list);
        }
        String groupVersion = trimmed.equals("/api/v1") ? "v1" : trimmed.matches("/apis/[^/]+/[^/]+") ? trimmed.substring("/apis/".length()) : null;
        if (groupVersion == null) {
            return Optional.empty();
        }
        List<ApiResource> served = resources.stream().filter(r -> r.groupVersion().equals(groupVersion)).toList();
        if (served.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode list = json.createObjectNode().put("kind", "APIResourceList").put("apiVersion", "v1").put("groupVersion", groupVersion);
        ArrayNode array = list.putArray("resources");
        for (ApiResource resource : served) {
            ObjectNode node = array.addObject().put("name", resource.plural()).put("singularName", resource.singular())
                    .put("namespaced", resource.namespaced()).put("kind", resource.kind());
            ApiResource.VERBS.forEach(node.putArray("verbs")::add);
            resource.shortNames().forEach(node.putArray("shortNames")::add);
            resource.categories().forEach(node.putArray("categories")::add);
            if (resource.statusSubresource()) {
                ObjectNode status = array.addObject().put("name", resource.plural() + "/status").put("singularName", "")
                        .put("namespaced", resource.namespaced()).put("kind", resource.kind());
                List.of("get", "patch", "update").forEach(status.putArray("verbs")::add);
            }
        }
        return Optional.of(list);
    }

    /**
     * The OpenAPI v3 documents kubectl reads to learn that the server validates fields itself ({@code fieldValidation}
     * on PATCH): the index at {@code /openapi/v3} and one document per group version, without schemas.
     */
    Optional<ObjectNode> openApiV3(String path) {
        String trimmed = path.replaceAll("/+$", "");
        if (trimmed.equals("/openapi/v3")) {
            ObjectNode index = json.createObjectNode();
            ObjectNode paths = index.putObject("paths");
            resources.stream().map(ApiResource::groupVersion).distinct().forEach(gv -> {
                String key = gv.contains("/") ? "apis/" + gv : "api/" + gv;
                paths.putObject(key).put("serverRelativeURL", "/openapi/v3/" + key);
            });
            return Optional.of(index);
        }
        String key = trimmed.startsWith("/openapi/v3/api/") ? trimmed.substring("/openapi/v3/api/".length())
                : trimmed.startsWith("/openapi/v3/apis/") ? trimmed.substring("/openapi/v3/apis/".length()) : null;
        List<ApiResource> served = resources.stream().filter(r -> r.groupVersion().equals(key)).toList();
        if (served.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode document = json.createObjectNode().put("openapi", "3.0.0");
        document.putObject("info").put("title", "dlt local cloud").put("version", key);
        ObjectNode paths = document.putObject("paths");
        for (ApiResource resource : served) {
            String prefix = (resource.group().isEmpty() ? "/api/" : "/apis/") + resource.groupVersion()
                    + (resource.namespaced() ? "/namespaces/{namespace}/" : "/") + resource.plural() + "/{name}";
            ObjectNode patch = paths.putObject(prefix).putObject("patch");
            patch.putObject("x-kubernetes-group-version-kind").put("group", resource.group()).put("version", resource.version())
                    .put("kind", resource.kind());
            patch.putArray("parameters").addObject().put("name", "fieldValidation").put("in", "query")
                    .putObject("schema").put("type", "string");
        }
        document.putObject("components").putObject("schemas");
        return Optional.of(document);
    }

    private Map<String, List<String>> groupVersions() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        resources.stream().filter(r -> !r.group().isEmpty())
                .forEach(r -> {
                    List<String> versions = groups.computeIfAbsent(r.group(), g -> new ArrayList<>());
                    if (!versions.contains(r.version())) {
                        versions.add(r.version());
                    }
                });
        return groups;
    }
}
