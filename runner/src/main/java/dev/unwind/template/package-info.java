/**
 * FreeMarker, the one expression language of unwind: {@code ${...}} in playbook strings, bare
 * conditions in {@code when}/{@code changed_when}/{@code failed_when}/{@code until}, and
 * {@code templates/*.ftl}. Configured safe: no class resolution, no {@code ?api}, errors with their
 * expression and position instead of stack traces. Two functions stand for Ansible's tests that FreeMarker lacks:
 * {@code version_compare(v, other, op)} and {@code path_exists(p)}.
 */
package dev.unwind.template;
