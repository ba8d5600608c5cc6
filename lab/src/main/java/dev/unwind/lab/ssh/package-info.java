/**
 * The lab's nodes as SSH servers (Apache MINA sshd, in process): each on its own loopback address with
 * its own host key, accepting the lab's client key, running every command with real {@code /bin/sh -c}
 * inside the node's sandbox (HOME, working folder, a PATH that puts the lab's stand-ins first), and
 * injecting command faults (a failed call, a dropped connection).
 */
package dev.unwind.lab.ssh;
