package dev.unwind.mke.config;

import java.util.List;
import java.util.Map;

/**
 * What the converter needs beyond the TOML.
 *
 * @param version         the MKE 4k version to write as spec.version
 * @param externalAddress the load balancer's address (spec.apiServer.externalAddress), or null
 * @param hosts           spec.hosts entries (from the inventory), or empty to leave them to the caller
 */
public record ConversionOptions(String version, String externalAddress, List<Map<String, Object>> hosts) {

    public static final String DEFAULT_VERSION = "v4.1.1";

    public ConversionOptions {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }

    public static ConversionOptions defaults() {
        return new ConversionOptions(DEFAULT_VERSION, null, List.of());
    }
}
