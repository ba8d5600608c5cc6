package dev.unwind.module;

import java.util.Map;

/**
 * A fully rendered call of a module, as journaled for an undo.
 *
 * @param retries      further attempts after a failure
 * @param delaySeconds pause between attempts
 */
public record ModuleCall(String module, Map<String, Object> args, int retries, double delaySeconds) {

    public ModuleCall {
        // undo arguments may hold nulls ("no owner recorded"), which Map.copyOf refuses
        args = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
    }

    public static ModuleCall of(String module, Map<String, Object> args) {
        return new ModuleCall(module, args, 0, 0);
    }
}
