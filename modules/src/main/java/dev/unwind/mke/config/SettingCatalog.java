package dev.unwind.mke.config;

import dev.unwind.mke.config.Rule.Convert;
import dev.unwind.mke.config.Rule.NotSupported;
import dev.unwind.mke.config.Rule.Obsolete;
import com.fasterxml.jackson.databind.JsonNode;
import dev.unwind.input.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every MKE 3 setting unwind knows and what becomes of it. A rule on a table applies to every setting
 * under it; patterns cover families ({@code swarm_*}). Sources and the choices made where Mirantis'
 * documentation is silent are in docs/mke3-to-mke4k.md.
 */
public final class SettingCatalog {
    private static final String CC = "cluster_config.";
    private static final String ING = CC + "ingress_controller.";

    private final Map<String, Rule> exact = new LinkedHashMap<>();
    private final Map<Pattern, Rule> patterns = new LinkedHashMap<>();
    /** The TOML type of every setting whose type is known, checked when the file is read. */
    private final Map<String, Type> types = new LinkedHashMap<>();

    public static SettingCatalog standard() {
        return new SettingCatalog();
    }

    private SettingCatalog() {
        clusterConfig();
        ingress();
        auth();
        otherTables();
        knownTypes();
    }

    /** Every setting of the document whose value has the wrong type, at its position. */
    public List<Problem> typeProblems(Mke3Toml toml) {
        List<Problem> out = new ArrayList<>();
        walk(toml, "", toml.root(), out);
        return out;
    }

    private void walk(Mke3Toml toml, String path, JsonNode node, List<Problem> out) {
        // an element of an array of tables ([[x]]) has no type of its own: x's type was checked on the array
        Type type = path.isEmpty() || path.endsWith("]") ? null : types.get(path.replaceAll("\\[\\d+]", ""));
        if (type != null && !type.accepts(node)) {
            InvalidMke3Config wrong = new Setting(path, node, toml).wrongType(type.label);
            out.addAll(wrong.problems());
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(toml, path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isObject()) {
                    walk(toml, path + "[" + i + "]", node.get(i), out);
                }
            }
        }
    }

    /** Types of the settings whose rule does not read them (obsolete, not supported) or reads them in code. */
    private void knownTypes() {
        for (String bool : List.of("calico_kdd", "calico_ebpf_enabled", "unmanaged_cni", "profiling_enabled",
                "disable_seccomp_default", "kube_api_server_auditing", "hide_swarm_ui", "exclude_server_identity_headers",
                "use_flex_volume_driver", "unauthenticated_http2_dos_mitigation")) {
            types.put(CC + bool, Type.BOOL);
        }
        for (String integer : List.of("controller_port", "kube_apiserver_port", "vxlan_vni", "node_exporter_port")) {
            types.putIfAbsent(CC + integer, Type.INT);
        }
        for (String string : List.of("cluster_name", "cni_installer_url", "cloud_provider", "kube_proxy_mode",
                "manager_kube_reserved_resources", "worker_kube_reserved_resources", "containerd_root")) {
            types.putIfAbsent(CC + string, Type.STRING);
        }
        types.put(CC + "custom_kube_proxy_flags", Type.STRINGS);
        types.put(CC + "custom_kubelet_flags_profiles", Type.TABLES);
        types.put(CC + "metallb_config.metallb_ip_addr_pool", Type.TABLES);
        types.put(ING + "ingress_exposed_ports", Type.TABLES);
        types.put("auth.backend", Type.STRING);
        types.put("auth.sessions.lifetime_minutes", Type.INT);
        types.put("auth.sessions.renewal_threshold_minutes", Type.INT);
        types.put("auth.sessions.per_user_limit", Type.INT);
        types.put("auth.sessions.store_token_per_session", Type.BOOL);
        types.put("auth.managedPasswordDisabled", Type.BOOL);
        types.put("auth.samlEnabled", Type.BOOL);
        types.put("auth.scimEnabled", Type.BOOL);
        types.put("auth.external_identity_provider.issuer", Type.STRING);
        types.put("auth.external_identity_provider.clientSecret", Type.STRING);
        types.put("audit_log_configuration.level", Type.STRING);
        types.put("audit_log_configuration.support_dump_include_audit_logs", Type.BOOL);
        types.put("tracking_configuration.disable_tracking", Type.BOOL);
        types.put("tracking_configuration.disable_usageinfo", Type.BOOL);
        types.put("log_configuration.level", Type.STRING);
        types.put("log_configuration.protocol", Type.STRING);
        types.put("log_configuration.host", Type.STRING);
    }

    /** The rule for exactly this path (array indexes removed), if any. */
    public Optional<Rule> ruleFor(String path) {
        String p = path.replaceAll("\\[\\d+]", "");
        Rule r = exact.get(p);
        if (r != null) {
            return Optional.of(r);
        }
        for (Map.Entry<Pattern, Rule> e : patterns.entrySet()) {
            if (e.getKey().matcher(p).matches()) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    private void clusterConfig() {
        toggle(CC + "core_dns_lameduck_config.enabled", "spec.dns.lameduck.enabled");
        copy(CC + "core_dns_lameduck_config.duration", "spec.dns.lameduck.duration", Type.STRING);
        flags(CC + "custom_kube_api_server_flags", "spec.apiServer.extraArgs");
        flags(CC + "custom_kube_controller_manager_flags", "spec.controllerManager.extraArgs");
        flags(CC + "custom_kube_scheduler_flags", "spec.scheduler.extraArgs");
        flags(CC + "custom_kubelet_flags", "spec.kubelet.extraArgs");
        exact.put(CC + "custom_kube_proxy_flags", new NotSupported(
                "MKE 4k documents no place for kube-proxy flags; set network.kubeProxy settings by hand"));
        exact.put(CC + "custom_kubelet_flags_profiles", new Convert("spec.kubelet.customProfiles", (s, doc, f) ->
                doc.put("spec.kubelet.customProfiles", KubeletProfiles.convert(s.path(), s.tables(), f)), false));

        toggle(CC + "metallb_config.enabled", "spec.addons[metallb].enabled");
        exact.put(CC + "metallb_config.metallb_ip_addr_pool", new Convert("(Upgrade Summary: MetalLB IP address pools)",
                (s, doc, f) -> {
                    for (Map<String, Object> pool : s.tables()) {
                        Object ips = pool.get("external_ip");
                        List<String> addresses = ips instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                                : ips == null ? List.of() : List.of(String.valueOf(ips));
                        f.pool(new MetallbPool(String.valueOf(pool.getOrDefault("name", "")), addresses));
                    }
                }, false));
        toggle(CC + "policy_enforcement.gatekeeper.enabled", "spec.policyController.opaGatekeeper.enabled");
        copy(CC + "policy_enforcement.gatekeeper.excluded_namespaces", "spec.policyController.opaGatekeeper.exemptNamespaces",
                Type.STRINGS);
        exact.put(CC + "policy_enforcement.pod_security_policy", new NotSupported(
                "PodSecurityPolicy was removed from Kubernetes (1.25); use Pod Security Admission or OPA Gatekeeper"));
        toggle(CC + "nvidia_device_plugin", "spec.devicePlugins.nvidiaGPU.enabled");

        copy(CC + "nodeport_range", "spec.network.nodePortRange", Type.STRING);
        copy(CC + "pod_cidr", "spec.network.providers[calico].extraConfig.cidrV4", Type.STRING);
        copy(CC + "service_cluster_ip_range", "spec.network.serviceCIDR", Type.STRING);
        copy(CC + "kube_proxy_mode", "spec.network.kubeProxy.mode", Type.STRING);
        copy(CC + "calico_mtu", "spec.network.providers[calico].extraConfig.mtu", Type.STRING_OR_INT);
        copy(CC + "calico_ip_auto_method", "spec.network.providers[calico].extraConfig.ipAutodetectionMethod", Type.STRING);

        copy(CC + "kubelet_max_pods", "spec.kubelet.maxPods", Type.INT);
        copy(CC + "kubelet_pods_per_core", "spec.kubelet.podsPerCore", Type.INT);
        copy(CC + "kubelet_event_record_qps", "spec.kubelet.eventRecordQPS", Type.INT);
        copy(CC + "kubelet_data_root", "spec.kubelet.kubeletRootDir", Type.STRING);
        reserved(CC + "manager_kube_reserved_resources", "spec.kubelet.managerKubeReserved");
        reserved(CC + "worker_kube_reserved_resources", "spec.kubelet.workerKubeReserved");
        copy(CC + "kube_protect_kernel_defaults", "spec.kubelet.protectKernelDefaults", Type.BOOL);
        exact.put(CC + "disable_seccomp_default", new Convert("spec.kubelet.seccompDefault",
                (s, doc, f) -> doc.put("spec.kubelet.seccompDefault", !s.bool()), false));

        toggle(CC + "kube_api_server_auditing", "spec.apiServer.audit.enabled");
        copy(CC + "kube_api_server_audit_log_maxage", "spec.apiServer.audit.maxAge", Type.INT);
        copy(CC + "kube_api_server_audit_log_maxbackup", "spec.apiServer.audit.maxBackup", Type.INT);
        copy(CC + "kube_api_server_audit_log_maxsize", "spec.apiServer.audit.maxSize", Type.INT);
        copy(CC + "kube_api_server_request_timeout", "spec.apiServer.requestTimeout", Type.STRING);
        copy(CC + "etcd_storage_quota", "spec.etcd.storageQuota", Type.STRING);
        copy(CC + "cipher_suites_for_etcd_server", "spec.etcd.tlsCipherSuites", Type.STRING);
        extraArg(CC + "cipher_suites_for_kube_api_server", "spec.apiServer.extraArgs", "tls-cipher-suites");
        extraArg(CC + "cipher_suites_for_kubelet", "spec.kubelet.extraArgs", "tls-cipher-suites");
        extraArg(CC + "kube_api_server_profiling_enabled", "spec.apiServer.extraArgs", "profiling");
        extraArg(CC + "kube_controller_manager_profiling_enabled", "spec.controllerManager.extraArgs", "profiling");
        copy(CC + "kube_manager_terminated_pod_gc_threshold", "spec.controllerManager.terminatedPodGCThreshold", Type.INT);
        copy(CC + "kube_scheduler_profiling_enabled", "spec.scheduler.profilingEnabled", Type.BOOL);
        copy(CC + "kube_scheduler_bind_to_all", "spec.scheduler.bindToAll", Type.BOOL);
        copy(CC + "cadvisor_enabled", "spec.monitoring.enableCAdvisor", Type.BOOL);
        exact.put(CC + "cloud_provider", new Convert("spec.cloudProvider", (s, doc, f) -> {
            String provider = s.string();
            doc.put("spec.cloudProvider.enabled", !provider.isBlank());
            if (!provider.isBlank()) {
                doc.put("spec.cloudProvider.provider", provider);
            }
        }, true));

        exact.put(CC + "calico_kdd", new Obsolete(
                "a prerequisite checked by mke3_preflight; MKE 4k's Calico always uses the Kubernetes datastore"));
        exact.put(CC + "calico_ebpf_enabled", new NotSupported("clusters on Calico's eBPF dataplane cannot be upgraded"));
        exact.put(CC + "unmanaged_cni", new NotSupported("an unmanaged CNI is not carried over; MKE 4k installs Calico"));
        exact.put(CC + "cni_installer_url", new NotSupported("an unmanaged CNI is not carried over; MKE 4k installs Calico"));
        exact.put(CC + "cluster_name", new Obsolete("MKE 4k names its configuration metadata.name: mke"));
        exact.put(CC + "controller_port", new NotSupported("the UCP controller is gone; MKE 4k serves its UI through ingress"
                + " (NodePort 33001 behind the load balancer's 443)"));
        exact.put(CC + "kube_apiserver_port", new NotSupported("configurable kube port: MKE 4k's API server always listens on 6443"));
        patterns.put(Pattern.compile(Pattern.quote(CC) + "(dns|dns_opt|dns_search)"),
                new NotSupported("DNS settings for Swarm containers; Kubernetes pods use CoreDNS"));
        exact.put(CC + "profiling_enabled", new NotSupported("profiling of the UCP controller, which is gone"));
        exact.put(CC + "external_service_lb", new NotSupported("a link shown in the UCP web UI, which is gone"));
        exact.put(CC + "k8s_event_rate_limit", new NotSupported(
                "MKE 4k has only apiServer.eventRateLimit.enabled; review its limits after the upgrade"));
        for (String swarm : List.of("swarm_.*", "hide_swarm_ui", "kv_.*", "rethinkdb_cache_size",
                "networks_quota_per_collection", "cpu_usage_banner_.*", "exclude_server_identity_headers",
                "local_volume_collection_mapping", "manager_.*_swarm.*")) {
            patterns.put(Pattern.compile(Pattern.quote(CC) + swarm),
                    new NotSupported("Swarm and UCP only: MKE 4k runs no Swarm and no UCP controller"));
        }
        patterns.put(Pattern.compile(Pattern.quote(CC) + "(calico_vxlan.*|vxlan_vni|ipip_mtu|calico_strict_affinity)"),
                new NotSupported("MKE 4k's Calico encapsulation is set by its own defaults (VXLAN 4789);"
                        + " the existing IP pool is carried over by the Kubernetes datastore"));
        patterns.put(Pattern.compile(Pattern.quote(CC) + "(windows_.*|iscsi.*|azure_ip_count|use_flex_volume_driver)"),
                new NotSupported("MKE 4k supports neither Windows nodes, iSCSI, Azure IP allocation nor FlexVolume"));
        patterns.put(Pattern.compile(Pattern.quote(CC) + "(metrics_.*|prometheus_memory_.*|node_exporter_port)"),
                new NotSupported("MKE 4k's monitoring stack has its own settings (spec.monitoring)"));
        patterns.put(Pattern.compile(Pattern.quote(CC) + "(image_prune_.*|image_scan_cvss_version)"),
                new NotSupported("image pruning and scanning were MCR features managed by UCP"));
        patterns.put(Pattern.compile(Pattern.quote(CC) + "(priv_attributes_.*)"),
                new NotSupported("privileged-attribute control is apiServer.ucpauthz in MKE 4k; set its exemptions by hand"));
        patterns.put(Pattern.compile(Pattern.quote(CC) + "(containerd_root|unauthenticated_http2_dos_mitigation)"),
                new NotSupported("k0s manages containerd and the API server's HTTP/2 limits itself"));
    }

    private void ingress() {
        toggle(ING + "enabled", "spec.ingressController.enabled");
        copy(ING + "ingress_num_replicas", "spec.ingressController.replicaCount", Type.INT);
        copy(ING + "ingress_enable_lb", "spec.ingressController.enableLoadBalancer", Type.BOOL);
        copy(ING + "ingress_preserve_client_ip", "spec.ingressController.preserveClientIP", Type.BOOL);
        copy(ING + "ingress_node_toleration", "spec.ingressController.tolerations", Type.TABLES);
        copy(ING + "ingress_config_map", "spec.ingressController.configMap", Type.TABLE);
        copy(ING + "config_map", "spec.ingressController.configMap", Type.TABLE);
        copy(ING + "ingress_tcp_services", "spec.ingressController.tcpServices", Type.TABLE);
        copy(ING + "ingress_udp_services", "spec.ingressController.udpServices", Type.TABLE);
        copy(ING + "ingress_node_affinity", "spec.ingressController.affinity", Type.TABLE);
        copy(ING + "ingress_extra_args.http_port", "spec.ingressController.extraArgs.httpPort", Type.INT);
        copy(ING + "ingress_extra_args.https_port", "spec.ingressController.extraArgs.httpsPort", Type.INT);
        copy(ING + "ingress_extra_args.enable_ssl_passthrough", "spec.ingressController.extraArgs.enableSslPassthrough", Type.BOOL);
        copy(ING + "ingress_extra_args.default_ssl_certificate", "spec.ingressController.extraArgs.defaultSslCertificate",
                Type.STRING);
        exact.put(ING + "ingress_extra_args.default_backend_service", new NotSupported(
                "MKE 4k's ingress controller has no default-backend setting"));
        exact.put(ING + "ingress_external_ips", new NotSupported(
                "external IPs on the ingress service are not configurable in MKE 4k; use enableLoadBalancer with MetalLB"));
        // Read by NodePortChoice after the walk: reported here, applied there.
        exact.put(ING + "ingress_exposed_ports", new Convert("spec.ingressController.nodePorts", (s, doc, f) -> s.tables(), false));
    }

    private void auth() {
        exact.put("auth.backend", new Convert("spec.authentication.ldap.enabled", (s, doc, f) -> {
            String backend = s.string();
            if (!backend.equals("managed") && !backend.equals("ldap")) {
                throw s.toml().problemAt(s.path(), "auth.backend must be \"managed\" or \"ldap\", found \"" + backend + "\"");
            }
            doc.put("spec.authentication.ldap.enabled", backend.equals("ldap"));
        }, false));
        exact.put("auth.default_new_user_role", new NotSupported(
                "MKE 4k gives new users no role by default; bind roles to users or groups explicitly"));
        exact.put("auth.managedPasswordDisabled", new NotSupported(
                "MKE 4k keeps local (Dex password) users; remove them after the upgrade if they must not log in"));
        exact.put("auth.managedPasswordFallbackUser", new NotSupported("MKE 4k has no fallback user"));
        exact.put("auth.samlEnabled", new NotSupported("SAML settings live in eNZi, not in the TOML, and MKE 4k needs"
                + " the IdP's metadata: configure spec.authentication.saml after the upgrade"));
        exact.put("auth.scimEnabled", new NotSupported("MKE 4k does not support SCIM provisioning"));
        exact.put("auth.sessions.lifetime_minutes", new Convert("spec.authentication.expiry.refreshTokens.absoluteLifetime",
                (s, doc, f) -> doc.put("spec.authentication.expiry.refreshTokens.absoluteLifetime", s.integer() + "m"), false));
        exact.put("auth.sessions.renewal_threshold_minutes", new Obsolete(
                "Dex renews sessions through refresh tokens; there is no renewal threshold"));
        exact.put("auth.sessions.per_user_limit", new NotSupported("Dex does not limit sessions per user"));
        exact.put("auth.sessions.store_token_per_session", new NotSupported("Dex keeps no per-session tokens"));
        String idp = "auth.external_identity_provider.";
        exact.put(idp + "issuer", new Convert("spec.authentication.oidc.issuer", (s, doc, f) -> {
            doc.put("spec.authentication.oidc.enabled", !s.string().isBlank());
            doc.put("spec.authentication.oidc.issuer", s.string());
        }, false));
        copy(idp + "clientId", "spec.authentication.oidc.clientID", Type.STRING);
        copy(idp + "clientID", "spec.authentication.oidc.clientID", Type.STRING);
        exact.put(idp + "clientSecret", new Convert("spec.authentication.oidc.clientSecret", (s, doc, f) -> {
            doc.put("spec.authentication.oidc.clientSecret", s.string());
            f.secret("spec.authentication.oidc.clientSecret");
        }, false));
        patterns.put(Pattern.compile(Pattern.quote(idp) + "(httpProxy|httpsProxy)"),
                new NotSupported("MKE 4k does not support a proxy for the identity provider"));
        patterns.put(Pattern.compile(Pattern.quote(idp) + "(wellKnownConfigUrl|userServiceId|caBundle|usernameClaim"
                + "|signInCriteria|adminRoleCriteria)"),
                new NotSupported("Dex's OIDC connector takes only the issuer, client ID and secret from the MKE 3 settings"));
        exact.put("auth.account_lock", new NotSupported("Dex has no account lock-out"));
        exact.put("auth.samlProxy", new NotSupported("MKE 4k does not support a SAML proxy"));
    }

    private void otherTables() {
        exact.put("audit_log_configuration.level", new Convert("spec.apiServer.audit.level", (s, doc, f) -> {
            String level = s.string().strip().toLowerCase();
            switch (level) {
                case "" -> doc.put("spec.apiServer.audit.enabled", false);
                case "metadata", "request" -> {
                    doc.put("spec.apiServer.audit.enabled", true);
                    doc.put("spec.apiServer.audit.level", level.equals("metadata") ? "Metadata" : "Request");
                }
                default -> f.failed(s.path(), "spec.apiServer.audit.level",
                        "audit level '" + s.string() + "' is none of \"\", \"metadata\", \"request\"");
            }
        }, true));
        exact.put("audit_log_configuration.support_dump_include_audit_logs", new NotSupported(
                "MKE 4k support dumps are collected by mkectl"));
        exact.put("tracking_configuration.disable_tracking", new Convert("spec.tracking.enabled",
                (s, doc, f) -> doc.put("spec.tracking.enabled", !s.bool()), false));
        exact.put("tracking_configuration.disable_usageinfo", new Obsolete("usage information follows spec.tracking.enabled"));
        copy("tracking_configuration.ops_care", "spec.monitoring.enableOpscare", Type.BOOL);
        exact.put("tracking_configuration.cluster_label", new NotSupported("MKE 4k has no cluster label for tracking"));
        exact.put("log_configuration.level", new Obsolete("MKE 4k components log at their own levels to the node journal"));
        exact.put("log_configuration.protocol", new NotSupported("MKE 4k does not forward logs to a remote syslog"));
        exact.put("log_configuration.host", new NotSupported("MKE 4k does not forward logs to a remote syslog"));
        Map<String, String> tables = Map.ofEntries(
                Map.entry("hardening_configuration", "MKE 4k has no hardening switches; k0s applies its own defaults"),
                Map.entry("registries", "MKE 4k's registries setting is where MKE pulls its own images;"
                        + " configure registry trust on each node's containerd"),
                Map.entry("scheduling_configuration", "Swarm orchestration and admin-node scheduling do not exist in MKE 4k"),
                Map.entry("trust_configuration", "Docker Content Trust applied to Swarm services only"),
                Map.entry("license_configuration", "MKE 4k's license is spec.license.token, set after the upgrade"),
                Map.entry("custom_api_server_headers", "the UCP controller that sent these headers is gone"),
                Map.entry("user_workload_defaults", "Swarm service defaults do not apply to Kubernetes"),
                Map.entry("pki", "MKE 4k issues its own client certificates; the client CA bundle is not carried over"),
                Map.entry("backup_schedule_config", "MKE 4k backups are configured under spec.backup"),
                Map.entry("etcd_cleanup_schedule_config", "k0s maintains its own etcd"),
                Map.entry("windows_gmsa", "MKE 4k supports no Windows nodes"),
                Map.entry("pre_logon_message", "MKE 4k's login page has no pre-logon message"));
        tables.forEach((table, reason) -> exact.put(table, new NotSupported(reason)));
    }

    private enum Type {
        BOOL("a boolean (true or false)"), INT("an integer"), STRING("a string"), STRINGS("an array of strings"),
        STRING_OR_INT("a string or an integer"), BOOL_OR_STRING("a boolean or a string"), TABLE("a table"),
        TABLES("an array of tables");

        final String label;

        Type(String label) {
            this.label = label;
        }

        boolean accepts(JsonNode n) {
            return switch (this) {
                case BOOL -> n.isBoolean();
                case INT -> n.isIntegralNumber();
                case STRING -> n.isTextual();
                case STRINGS -> n.isArray() && java.util.stream.StreamSupport.stream(n.spliterator(), false).allMatch(JsonNode::isTextual);
                case STRING_OR_INT -> n.isTextual() || n.isIntegralNumber();
                case BOOL_OR_STRING -> n.isBoolean() || n.isTextual();
                case TABLE -> n.isObject();
                case TABLES -> n.isArray() && java.util.stream.StreamSupport.stream(n.spliterator(), false).allMatch(JsonNode::isObject);
            };
        }
    }

    private void copy(String path, String target, Type type) {
        types.put(path, type);
        exact.put(path, new Convert(target, (s, doc, f) -> doc.put(target, switch (type) {
            case BOOL -> s.bool();
            case INT -> s.integer();
            case STRING -> s.string();
            case STRINGS -> s.strings();
            case STRING_OR_INT -> s.value().isTextual() ? s.string() : s.integer();
            case BOOL_OR_STRING -> s.value().isBoolean() ? s.bool() : s.string();
            case TABLE -> s.table();
            case TABLES -> s.tables();
        }), false));
    }

    private void toggle(String path, String target) {
        types.put(path, Type.BOOL);
        exact.put(path, new Convert(target, (s, doc, f) -> doc.put(target, s.bool()), true));
    }

    private void flags(String path, String target) {
        types.put(path, Type.STRINGS);
        exact.put(path, new Convert(target, (s, doc, f) -> doc.merge(target, FlagArgs.convert(s.path(), s.strings(), f)), false));
    }

    private void extraArg(String path, String target, String flag) {
        types.put(path, Type.BOOL_OR_STRING);
        exact.put(path, new Convert(target + "." + flag, (s, doc, f) -> {
            String value = s.value().isBoolean() ? String.valueOf(s.bool()) : s.string();
            if (!value.isBlank()) {
                doc.merge(target, Map.of(flag, value));
            }
        }, false));
    }

    private void reserved(String path, String target) {
        exact.put(path, new Convert(target, (s, doc, f) -> {
            Map<String, String> m = ReservedResources.parse(s.string());
            if (m == null) {
                f.failed(s.path(), target, "'" + s.string() + "' is not a list of name=quantity pairs"
                        + " (cpu=250m,memory=2Gi,ephemeral-storage=4Gi)");
            } else {
                doc.put(target, m);
            }
        }, false));
    }
}
