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

    boolean fatal() {
        return (status.equals("failed") && !ignored) || status.equals("unreachable");
    }
}
