/**
 * Test fixtures with real parts: {@link dev.unwind.testing.SshdFleet} starts real OpenSSH {@code sshd}
 * processes on loopback addresses, each with its own host key, and hands out Ansible-style host variables
 * for them; {@link dev.unwind.testing.TestUsers} makes the plain-shell login users they accept.
 */
package dev.unwind.testing;
