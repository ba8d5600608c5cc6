/**
 * MKE 3 authorization as Kubernetes RBAC: each MKE 3 role becomes a ClusterRole (Swarm-only roles with
 * no rules), each organization an aggregated ClusterRole {@code <org>-org}, each team {@code <team>-team},
 * aggregating by {@code unwind.dev/aggregate-to-<name>} labels, and each grant on Kubernetes namespaces a
 * RoleBinding (or, for all namespaces, a ClusterRoleBinding) of the granted role to the users it covers.
 */
package dev.unwind.mke.rbac;
