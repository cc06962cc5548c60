package dev.dlt.localcloud.kube.api;

import java.util.Optional;

/**
 * A request path of the Kubernetes API split into its parts, e.g.
 * {@code /apis/load.dlt.dev/v1alpha1/namespaces/default/loadtests/quickstart}.
 */
record ApiResourcePath(String group, String version, String namespace, String plural, String name, String subresource) {

    /** The parsed path, or empty for anything that is not a resource or collection (discovery, /version). */
    static Optional<ApiResourcePath> parse(String path) {
        String[] parts = path.replaceAll("^/+|/+$", "").split("/");
        int i;
        String group;
        String version;
        if (parts.length >= 3 && parts[0].equals("api")) {
            group = "";
            version = parts[1];
            i = 2;
        } else if (parts.length >= 4 && parts[0].equals("apis")) {
            group = parts[1];
            version = parts[2];
            i = 3;
        } else {
            return Optional.empty();
        }
        String namespace = null;
        if (parts.length - i >= 3 && parts[i].equals("namespaces")) {
            namespace = parts[i + 1];
            i += 2;
        }
        if (i >= parts.length) {
            return Optional.empty();
        }
        String plural = parts[i];
        String name = i + 1 < parts.length ? parts[i + 1] : null;
        String subresource = i + 2 < parts.length ? parts[i + 2] : null;
        return Optional.of(new ApiResourcePath(group, version, namespace, plural, name, subresource));
    }

    /** The path of the collection this path's resource belongs to, without a name. */
    String collectionPath() {
        String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
        return prefix + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + plural;
    }
}
