package dev.unwind.mke.preflight;

import java.util.List;
import java.util.Map;

/**
 * What the checks need.
 *
 * @param mkeVersion        the MKE 3 version (from the ucp-proxy image tag)
 * @param config            the MKE 3 configuration as a tree (TOML tables as maps)
 * @param staleKubeconfig   the path of an existing ~/.mke/mke.kubeconf on the controller, or null
 * @param allowUnmanagedCni accept a cluster whose CNI MKE 3 does not manage
 */
public record PreflightFacts(String mkeVersion, Map<String, Object> config, List<NodeState> nodes,
                             String staleKubeconfig, boolean allowUnmanagedCni) {

    public PreflightFacts {
        config = config == null ? Map.of() : config;
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    Object clusterSetting(String key) {
        return config.get("cluster_config") instanceof Map<?, ?> cc ? cc.get(key) : null;
    }
}
