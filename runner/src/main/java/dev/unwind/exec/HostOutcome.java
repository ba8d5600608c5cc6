package dev.unwind.exec;

import java.util.Map;

/**
 * How one task ended on one host (all loop items together).
 *
 * @param status  ok, changed, skipped, failed or unreachable
 * @param ignored failed, but the task says ignore_errors
 * @param result  what {@code register:} stores
 */
record HostOutcome(String status, boolean ignored, String msg, Map<String, Object> result) {

    /** What {@code register:} stores: the result without the engine's own keys ({@code __diff}, {@code __undo}). */
    Map<String, Object> registered() {
        return withoutInternals(result);
    }

    private static Map<String, Object> withoutInternals(Map<String, Object> result) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        result.forEach((k, v) -> {
            if (!k.startsWith("__")) {
                out.put(k, v instanceof java.util.List<?> l ? l.stream().map(x -> x instanceof Map<?, ?> m ? withoutInternals(cast(m)) : x).toList() : v);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    boolean fatal() {
        return (status.equals("failed") && !ignored) || status.equals("unreachable");
    }
}
