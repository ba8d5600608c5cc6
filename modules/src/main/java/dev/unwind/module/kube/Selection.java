package dev.unwind.module.kube;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;

import java.util.List;
import java.util.Map;

/** Which objects kube_info and kube_wait look at: one by name, or all of a kind matching label selectors. */
record Selection(String apiVersion, String kind, String namespace, String name, String labelSelector) {
    static final List<ArgSpec> ARGS = List.of(
            ArgSpec.optional("api_version", ArgType.STR, "v1", "e.g. v1, apps/v1").aliases("apiVersion"),
            ArgSpec.required("kind", ArgType.STR, "e.g. Node, Pod, Deployment"),
            ArgSpec.optional("name", ArgType.STR, null, "one object (default: all that match)"),
            ArgSpec.optional("namespace", ArgType.STR, null, "for namespaced kinds (default: all namespaces; 'default' with name)"),
            ArgSpec.optional("label_selectors", ArgType.LIST, null, "e.g. ['app=web', 'tier!=db']"));

    static Selection of(Args args) {
        List<String> selectors = args.list("label_selectors");
        return new Selection(args.str("api_version"), args.str("kind"), args.str("namespace"), args.str("name"),
                selectors.isEmpty() ? null : String.join(",", selectors));
    }

    List<Map<String, Object>> find(Cluster cluster) {
        if (name != null) {
            String ns = namespace != null ? namespace : cluster.namespaced(apiVersion, kind) ? "default" : null;
            return cluster.read(new ObjectRef(apiVersion, kind, ns, name)).map(List::of).orElse(List.of());
        }
        return cluster.list(apiVersion, kind, namespace, labelSelector);
    }

    String describe() {
        return kind + (name != null ? " " + name : "") + (labelSelector != null ? " [" + labelSelector + "]" : "")
                + (namespace != null ? " in " + namespace : "");
    }
}
