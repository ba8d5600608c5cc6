/**
 * Executable inventory scripts: run with {@code --list}, read the JSON groups and
 * {@code _meta.hostvars}; without {@code _meta}, ask {@code --host NAME} per host, as Ansible's
 * script plugin does.
 */
package dev.unwind.inventory.script;
