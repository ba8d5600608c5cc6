/**
 * Modules about the host's services and readiness: {@code systemd} (whose automatic undo puts back the
 * unit's previous active and enabled states) and {@code wait_for} (a port, a path, or text in a file).
 */
package dev.unwind.module.system;
