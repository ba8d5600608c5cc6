/**
 * Modules about the host's services and readiness: {@code systemd} (whose automatic undo puts back the
 * unit's previous active and enabled states), {@code wait_for} (a port, a path, or text in a file) and
 * {@code reboot} (waits for a new boot, reconnecting; a reboot has no inverse).
 */
package dev.unwind.module.system;
