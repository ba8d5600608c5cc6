package dev.unwind.mke.config;

import java.util.List;

/** An MKE 3 MetalLB address pool, to be recreated as an IPAddressPool after the upgrade. */
public record MetallbPool(String name, List<String> addresses) {
    public MetallbPool {
        addresses = List.copyOf(addresses);
    }
}
