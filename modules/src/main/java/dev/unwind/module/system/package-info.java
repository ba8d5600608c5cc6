/**
 * Modules about the host's services and readiness: {@code systemd} (whose automatic undo puts back the
 * unit's previous active and enabled states), {@code wait_for} (a port, a path, or text in a file) and
 * {@code reboot} (waits for a new boot, reconnecting; a reboot has no inverse), {@code wait_for_connection}, and
 * {@code timezone} (its undo puts back /etc/localtime and /etc/timezone from their before-images).
 */
package dev.unwind.module.system;
