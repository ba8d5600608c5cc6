/**
 * Converting an MKE 3 configuration (the UCP TOML) into an MKE 4k configuration (an {@code MkeConfig}
 * YAML document), with a compatibility report that accounts for every setting found: converted and
 * to which key, not supported in MKE 4k and why, obsolete, disabled, unknown or unconvertible.
 * Pure functions over text: nothing here touches a host or the network.
 */
package dev.unwind.mke.config;
