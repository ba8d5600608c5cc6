/**
 * Ansible's INI inventory format, read line by line as ansible-core 2.14 reads it: sections
 * {@code [g]}, {@code [g:vars]}, {@code [g:children]} with forward references, host lines split
 * like Python's shlex (comments included), values typed like Python's {@code ast.literal_eval}.
 */
package dev.unwind.inventory.ini;
