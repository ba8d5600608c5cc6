/**
 * Modules that run commands on a host: {@code command} (an argument vector, no shell), {@code shell}
 * (through {@code /bin/sh}) and {@code script}. They cannot know their own inverse, so a task that uses
 * them must say {@code undo:} or {@code undo: none}; in check mode they predict only from
 * {@code creates}/{@code removes}, as Ansible does.
 */
package dev.unwind.module.command;
