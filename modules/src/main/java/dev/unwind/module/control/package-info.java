/**
 * Modules that steer a run without touching hosts: {@code debug}, {@code set_fact}, {@code assert},
 * {@code fail}, {@code pause} and {@code meta}. Two of them hand the engine something to act on through
 * their result: {@code set_fact} returns {@code ansible_facts} (to merge into the host's facts) and
 * {@code meta} returns {@code meta} (the action to take).
 */
package dev.unwind.module.control;
