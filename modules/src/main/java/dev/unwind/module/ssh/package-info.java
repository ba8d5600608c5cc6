/**
 * SSH client files: {@code known_hosts}. An edit of the file is placed and undone by the file modules' own
 * machinery ({@code ContentPlacement}, {@code restore_path}); this package only knows how host keys are written and
 * which lines name a host.
 */
package dev.unwind.module.ssh;
