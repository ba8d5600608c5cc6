/**
 * Playbooks as a validated model. {@link dev.unwind.playbook.PlaybookLoader} reads YAML 1.1 (as Ansible
 * does), keeps the file:line:column of every play and task, and rejects at load time — all problems
 * of a file together — anything that would otherwise fail half-way through a run: unknown keys and
 * modules, arguments that do not fit a module's spec, {@code {{ }}}, and changes without an undo.
 * {@link dev.unwind.playbook.LoopItems} turns a task's loop into its items as Ansible's loop and with_* lookups do,
 * for the executor, and for the loader where the terms are written out.
 */
package dev.unwind.playbook;
