/**
 * FreeMarker, the one expression language of unwind: {@code ${...}} in playbook strings, bare
 * conditions in {@code when}/{@code changed_when}/{@code failed_when}/{@code until}, and
 * {@code templates/*.ftl}. Configured safe: no class resolution, no {@code ?api}, errors with their
 * expression and position instead of stack traces.
 */
package dev.unwind.template;
