/**
 * Invalid input (playbooks, inventories, TOML, arguments): every problem is reported with the
 * file, line and column it comes from, all problems of a file together, and the run exits 5.
 */
package dev.unwind.input;
