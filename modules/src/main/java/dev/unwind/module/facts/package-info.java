/**
 * The facts Ansible's {@code setup} gathers on Linux, under its names and with its values: one probe script per host
 * ({@code FactsProbe}), parsed here. The engine gathers them for {@code gather_facts}; the {@code setup} module
 * returns them to a task.
 */
package dev.unwind.module.facts;
