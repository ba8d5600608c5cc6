/**
 * How the executor reaches a host: a {@link dev.unwind.transport.Transport} turns a host's
 * inventory variables ({@code ansible_connection}, {@code ansible_host}, {@code ansible_user}, ...)
 * into an open {@link dev.unwind.module.Connection}, reused for the whole run.
 */
package dev.unwind.transport;
