package dev.dlt.localcloud.kube.api;

import java.util.List;

/**
 * One kind of resource the local API server serves, as discovery describes it, with the columns
 * {@code kubectl get} shows for it.
 */
record ApiResource(String group, String version, String plural, String singular, String kind, boolean namespaced,
                   List<String> shortNames, List<String> categories, boolean statusSubresource, List<TableColumn> columns) {

    static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }
}
