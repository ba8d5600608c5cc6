/**
 * A client of the MKE 3 (UCP and eNZi) HTTP API: log in, read the configuration TOML, the accounts,
 * teams, members, roles, grants and LDAP settings. HTTPS with a CA file, or an explicit insecure mode.
 * The admin password and the session token never appear in messages or {@code toString()}.
 */
package dev.unwind.mke.ucp;
