package dev.unwind.mke.config;

import java.util.List;
import java.util.Map;

/**
 * What the converter needs beyond the TOML.
 *
 * @param version         the MKE 4k version to write as spec.version
 * @param externalAddress the load balancer's address (spec.apiServer.externalAddress), or null
 * @param hosts           spec.hosts entries (from the inventory), or empty to leave them to the caller
 * @param ldap            MKE 3's LDAP settings from eNZi ({@code GET /enzi/v0/config/auth/ldap}), or null
 */
public record ConversionOptions(String version, String externalAddress, List<Map<String, Object>> hosts,
                                Map<String, Object> ldap) {

    public static final String DEFAULT_VERSION = "v4.1.1";

    public ConversionOptions {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }

    public ConversionOptions(String version, String externalAddress, List<Map<String, Object>> hosts) {
        this(version, externalAddress, hosts, null);
    }

    public ConversionOptions withLdap(Map<String, Object> settings) {
        return new ConversionOptions(version, externalAddress, hosts, settings);
    }

    public static ConversionOptions defaults() {
        return new ConversionOptions(DEFAULT_VERSION, null, List.of(), null);
    }
}
