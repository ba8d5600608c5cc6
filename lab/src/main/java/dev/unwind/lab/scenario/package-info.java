/**
 * What a lab simulates, read from a scenario file (YAML): the nodes and their Swarm roles, the MKE and
 * engine versions, the configuration TOML, the accounts (users, organizations, teams, members, roles,
 * grants), and the faults to inject. Bad files are refused with FILE:LINE:COLUMN ({@link
 * dev.unwind.lab.scenario.InvalidScenario}).
 */
package dev.unwind.lab.scenario;
