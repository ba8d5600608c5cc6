package dev.unwind.mke.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Mke3ToMke4ConverterTest {
    private static final Path FULL = Path.of("src/test/resources/mke3/full.toml");

    private final Mke3ToMke4Converter converter = new Mke3ToMke4Converter();

    private Conversion convert(String toml) {
        return converter.convert(Mke3Toml.parse("test.toml", toml.getBytes()), ConversionOptions.defaults());
    }

    private static ReportEntry entry(Conversion c, String setting) {
        return c.report().entries().stream().filter(e -> e.setting().equals(setting)).findFirst()
                .orElseThrow(() -> new AssertionError("no report entry for " + setting));
    }

    @Test
    void theFullReferenceConfigurationConvertsToTheGoldenMkeConfigAndReport() throws Exception {
        Conversion c = converter.convert(Mke3Toml.read(FULL),
                new ConversionOptions("v4.1.1", "mke.example.com", List.of()));

        GoldenFiles.assertMatches("mke3/full.mke4.yaml", c.yaml());
        GoldenFiles.assertMatches("mke3/full.report.txt", c.report().toText());
        GoldenFiles.assertMatches("mke3/full.report.json", c.report().toJson());
    }

    @Test
    void everySettingOfTheFileIsAccountedForExactlyOnce() throws Exception {
        Conversion c = converter.convert(Mke3Toml.read(FULL), ConversionOptions.defaults());
        List<String> settings = c.report().entries().stream()
                .filter(e -> e.category() != Category.NOT_CONVERTED).map(ReportEntry::setting).toList();
        assertThat(settings).doesNotHaveDuplicates();
        assertThat(settings).contains("cluster_config.kubelet_max_pods", "auth.sessions.per_user_limit",
                "cluster_config.ingress_controller.ingress_extra_args.http_port", "registries[0].host_address",
                "cluster_config.custom_kubelet_flags_profiles", "cluster_config.metallb_config.metallb_ip_addr_pool");
    }

    @Test
    void theDocumentIsAnMkeConfigWithTheConvertedValues() throws Exception {
        Conversion c = converter.convert(Mke3Toml.read(FULL), ConversionOptions.defaults());
        Map<String, Object> d = c.document();
        assertThat(d).containsEntry("apiVersion", "mke.mirantis.com/v1alpha1").containsEntry("kind", "MkeConfig")
                .containsEntry("metadata", Map.of("name", "mke", "namespace", "mke"));
        Mke4View spec = new Mke4View(d);
        assertThat(spec.at("spec.kubelet.maxPods")).isEqualTo(250L);
        assertThat(spec.at("spec.dns.lameduck.duration")).isEqualTo("10s");
        assertThat(spec.at("spec.apiServer.extraArgs")).isEqualTo(Map.of("enable-garbage-collector", "false", "event-ttl", "2h"));
        assertThat(spec.at("spec.kubelet.extraArgs")).isEqualTo(Map.of("v", "2", "serialize-image-pulls", "true"));
        assertThat(spec.at("spec.kubelet.managerKubeReserved"))
                .isEqualTo(Map.of("cpu", "250m", "memory", "2Gi", "ephemeral-storage", "4Gi"));
        assertThat(spec.at("spec.kubelet.seccompDefault")).isEqualTo(true);
        assertThat(spec.at("spec.ingressController.replicaCount")).isEqualTo(3L);
        assertThat(spec.at("spec.ingressController.extraArgs.enableSslPassthrough")).isEqualTo(true);
        assertThat(spec.at("spec.ingressController.tcpServices")).isEqualTo(Map.of("9000", "default/tcp-echo:9000"));
        assertThat(spec.at("spec.ingressController.nodePorts")).isEqualTo(Map.of("http", 33000, "https", 33001));
        assertThat(spec.at("spec.authentication.oidc.clientID")).isEqualTo("mke3");
        assertThat(spec.at("spec.authentication.oidc.enabled")).isEqualTo(true);
        assertThat(spec.at("spec.authentication.expiry.refreshTokens.absoluteLifetime")).isEqualTo("60m");
        assertThat(spec.at("spec.policyController.opaGatekeeper.exemptNamespaces")).isEqualTo(List.of("kube-system", "mke"));
        assertThat(spec.at("spec.devicePlugins.nvidiaGPU.enabled")).isEqualTo(true);
        assertThat(spec.at("spec.apiServer.audit.enabled")).isEqualTo(true);
        assertThat(spec.at("spec.apiServer.audit.level")).isEqualTo("Metadata");
        assertThat(spec.calico("cidrV4")).isEqualTo("10.244.0.0/16");
        assertThat(spec.calico("mtu")).isEqualTo("1480");
        assertThat(spec.metallbEnabled()).isTrue();
        assertThat(spec.at("spec.kubelet.customProfiles")).isEqualTo(List.of(Map.of("name", "worker_profile_1",
                "values", Map.of("imageGCHighThresholdPercent", 85L, "imageGCLowThresholdPercent", 75L))));
    }

    @Test
    void everyReportCategoryIsExercisedByTheFullConfiguration() throws Exception {
        Conversion c = converter.convert(Mke3Toml.read(FULL), ConversionOptions.defaults());

        assertThat(entry(c, "cluster_config.kubelet_max_pods"))
                .isEqualTo(new ReportEntry("cluster_config.kubelet_max_pods", Category.CONVERTED, "spec.kubelet.maxPods", null));
        assertThat(entry(c, "cluster_config.kv_timeout").category()).isEqualTo(Category.NOT_SUPPORTED);
        assertThat(entry(c, "auth.default_new_user_role").detail()).contains("no role");
        assertThat(entry(c, "cluster_config.calico_kdd").category()).isEqualTo(Category.OBSOLETE);
        assertThat(entry(c, "cluster_config.calico_ebpf_enabled").category()).isEqualTo(Category.DISABLED);
        assertThat(entry(c, "backup_schedule_config.enabled").category()).isEqualTo(Category.DISABLED);
        assertThat(entry(c, "cluster_config.dns").category()).isEqualTo(Category.DISABLED);
        assertThat(c.report().in(Category.NOT_CONVERTED)).extracting(ReportEntry::detail).anySatisfy(d ->
                assertThat(d).contains("'audit-webhook' is not a --name=value flag")).anySatisfy(d ->
                assertThat(d).contains("--allowed-unsafe-sysctls=net.core.somaxconn"));
        assertThat(c.report().needsConfirmation()).isTrue();
        assertThat(c.report().metallbPools()).containsExactly(
                new MetallbPool("example1", List.of("192.168.10.0/24", "192.168.1.0/24")));
    }

    @Test
    void anUnknownKeyIsReportedAndAsksForConfirmation() {
        Conversion c = convert("""
                [cluster_config]
                  kubelet_max_podz = 300
                [my_own_table]
                  answer = 42
                """);
        assertThat(c.report().in(Category.UNKNOWN)).extracting(ReportEntry::setting)
                .containsExactly("cluster_config.kubelet_max_podz", "my_own_table.answer");
        assertThat(c.report().needsConfirmation()).isTrue();
        assertThat(c.report().summaryText()).contains("- cluster_config.kubelet_max_podz (unknown settings)");
    }

    @Test
    void aToggleThatIsOffIsReportedDisabledButStillWritten() {
        Conversion c = convert("""
                [cluster_config]
                  nvidia_device_plugin = false
                  [cluster_config.ingress_controller]
                    enabled = false
                """);
        assertThat(entry(c, "cluster_config.ingress_controller.enabled"))
                .isEqualTo(new ReportEntry("cluster_config.ingress_controller.enabled", Category.DISABLED,
                        "spec.ingressController.enabled", null));
        assertThat(new Mke4View(c.document()).at("spec.ingressController.enabled")).isEqualTo(false);
        assertThat(c.report().needsConfirmation()).isFalse();
        assertThat(c.report().summaryText())
                .isEqualTo("All MKE 3 TOML settings were successfully converted into MKE 4 YAML settings.\n");
    }

    @Test
    void missingTablesKeepMke4kDefaults() {
        Conversion c = convert("[cluster_config]\n");
        Mke4View spec = new Mke4View(c.document());
        assertThat(c.report().entries()).isEmpty();
        assertThat(spec.at("spec.kubelet.maxPods")).isEqualTo(110);
        assertThat(spec.at("spec.network.nodePortRange")).isEqualTo("32768-35535");
        assertThat(spec.at("spec.ingressController.nodePorts")).isEqualTo(Map.of("http", 33000, "https", 33001));
    }

    @Test
    void aCustomNodePortRangeWithoutTheDefaultIngressPortsUsesItsFirstTwoPorts() {
        Conversion c = convert("""
                [cluster_config]
                  nodeport_range = "30000-32767"
                """);
        assertThat(new Mke4View(c.document()).at("spec.ingressController.nodePorts"))
                .isEqualTo(Map.of("http", 30000, "https", 30001));
    }

    @Test
    void theOidcClientSecretIsInTheFileButNeverInTheDisplayedYamlOrTheReport() throws Exception {
        Conversion c = converter.convert(Mke3Toml.read(FULL), ConversionOptions.defaults());
        assertThat(c.yaml()).contains("s3cr3t-oidc-client");
        assertThat(c.displayYaml()).doesNotContain("s3cr3t-oidc-client").contains("clientSecret: '********'");
        assertThat(c.report().toText()).doesNotContain("s3cr3t");
        assertThat(c.report().toJson()).doesNotContain("s3cr3t");
        assertThat(c.hasSecrets()).isTrue();
    }

    @Test
    void aRepeatedFlagWithAnotherValueIsReportedNotSilentlyOverwritten() {
        Conversion c = convert("""
                [cluster_config]
                  custom_kubelet_flags = ["--v=2", "--v=4"]
                """);
        assertThat(new Mke4View(c.document()).at("spec.kubelet.extraArgs")).isEqualTo(Map.of("v", "2"));
        assertThat(c.report().in(Category.NOT_CONVERTED)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("'--v' is given more than once"));
    }

    @Test
    void malformedReservedResourcesAreNotConvertedAndKeepTheDefault() {
        Conversion c = convert("""
                [cluster_config]
                  worker_kube_reserved_resources = "cpu:50m"
                """);
        assertThat(entry(c, "cluster_config.worker_kube_reserved_resources").category()).isEqualTo(Category.NOT_CONVERTED);
        assertThat(new Mke4View(c.document()).at("spec.kubelet.workerKubeReserved"))
                .isEqualTo(Map.of("cpu", "50m", "memory", "300Mi", "ephemeral-storage", "500Mi"));
        assertThat(c.report().summaryText()).contains("cluster_config.worker_kube_reserved_resources");
    }

    @Test
    void ldapBackendEnablesLdapAuthentication() {
        Conversion c = convert("""
                [auth]
                  backend = "ldap"
                [cluster_config]
                """);
        assertThat(new Mke4View(c.document()).at("spec.authentication.ldap.enabled")).isEqualTo(true);
    }

    @Test
    void ldapSettingsFromEnziBecomeDexLdapWithTheBindPasswordMasked() {
        Map<String, Object> ldap = Map.of("serverURL", "ldaps://ldap.example.com", "startTLS", false,
                "readerDN", "cn=reader,dc=example,dc=com", "readerPassword", "ldap-bind-secret", "tlsSkipVerify", false,
                "jitUserProvisioning", true, "rootCerts", "",
                "userSearchConfigs", List.of(Map.of("baseDN", "ou=people,dc=example,dc=com", "filter", "(objectClass=person)",
                        "usernameAttr", "uid", "fullNameAttr", "cn"), Map.of("baseDN", "ou=contractors,dc=example,dc=com")));
        Conversion c = converter.convert(Mke3Toml.parse("l.toml", "[auth]\n  backend = \"ldap\"\n[cluster_config]\n".getBytes()),
                ConversionOptions.defaults().withLdap(ldap));
        Mke4View spec = new Mke4View(c.document());
        assertThat(spec.at("spec.authentication.ldap.host")).isEqualTo("ldap.example.com:636");
        assertThat(spec.at("spec.authentication.ldap.insecureNoSSL")).isEqualTo(false);
        assertThat(spec.at("spec.authentication.ldap.bindDN")).isEqualTo("cn=reader,dc=example,dc=com");
        assertThat(spec.at("spec.authentication.ldap.userSearch.baseDN")).isEqualTo("ou=people,dc=example,dc=com");
        assertThat(c.yaml()).contains("ldap-bind-secret");
        assertThat(c.displayYaml()).doesNotContain("ldap-bind-secret");
        assertThat(entry(c, "enzi.ldap.jitUserProvisioning").category()).isEqualTo(Category.NOT_SUPPORTED);
        assertThat(entry(c, "enzi.ldap.userSearchConfigs[1]").category()).isEqualTo(Category.NOT_SUPPORTED);
        assertThat(entry(c, "enzi.ldap.rootCerts").category()).isEqualTo(Category.DISABLED);
    }

    @Test
    void ldapSettingsAreIgnoredWhileTheBackendIsManaged() {
        Conversion c = converter.convert(Mke3Toml.parse("m.toml", "[cluster_config]\n".getBytes()),
                ConversionOptions.defaults().withLdap(Map.of("serverURL", "ldap://x")));
        assertThat(entry(c, "enzi.ldap.*").category()).isEqualTo(Category.DISABLED);
        assertThat(new Mke4View(c.document()).at("spec.authentication.ldap.enabled")).isEqualTo(false);
    }
}
