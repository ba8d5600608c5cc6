/**
 * The SSH transport on JSch: one authenticated session per host for the whole run, reused by every
 * task; commands on exec channels (kept under the server's {@code MaxSessions} by a per-host
 * semaphore), files over SFTP; host keys checked against {@code known_hosts} (strict, accept-new or
 * off); keys, ssh-agent and passwords; {@code ~/.ssh/config}; jump hosts through a shared bastion
 * session's forwarded streams. A host that cannot be reached, or whose connection is lost, surfaces as
 * a {@link dev.unwind.module.ConnectionException} naming the reason.
 */
package dev.unwind.transport.ssh;
