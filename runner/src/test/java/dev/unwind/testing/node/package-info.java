/**
 * Real Debian hosts for tests of system state: {@link dev.unwind.testing.node.NodeState} is what a node's
 * packages, accounts, services, sysctls, crontabs, hostname and file trees are, and
 * {@link dev.unwind.testing.node.PlayCycle} holds a playbook to unwind's promise on such a node (check mode
 * predicts, a second run changes nothing, rollback and a late failure put every part of that state back).
 */
package dev.unwind.testing.node;
