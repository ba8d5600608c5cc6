package dev.unwind.mke.config;

import java.util.List;
import java.util.Map;

/** Reads a converted document by dotted path, for assertions. */
record Mke4View(Map<String, Object> doc) {

    Object at(String path) {
        Object at = doc;
        for (String part : path.split("\\.")) {
            at = ((Map<?, ?>) at).get(part);
        }
        return at;
    }

    Object calico(String key) {
        for (Object p : (List<?>) at("spec.network.providers")) {
            Map<?, ?> m = (Map<?, ?>) p;
            if ("calico".equals(m.get("provider"))) {
                return ((Map<?, ?>) m.get("extraConfig")).get(key);
            }
        }
        return null;
    }

    boolean metallbEnabled() {
        for (Object a : (List<?>) at("spec.addons")) {
            Map<?, ?> m = (Map<?, ?>) a;
            if ("metallb".equals(m.get("name"))) {
                return Boolean.TRUE.equals(m.get("enabled"));
            }
        }
        return false;
    }
}
