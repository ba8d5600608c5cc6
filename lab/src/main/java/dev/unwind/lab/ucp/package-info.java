/**
 * A stand-in for the MKE 3 UCP/eNZi API over real HTTPS (a self-signed certificate made at start):
 * login with tokens, the configuration TOML, accounts, teams, members, roles, grants and LDAP settings,
 * with pagination and Accept handling as the real API has them, and faults to inject (an HTTP status,
 * a stall). Serves a {@link dev.unwind.lab.ucp.UcpCluster} model.
 */
package dev.unwind.lab.ucp;
