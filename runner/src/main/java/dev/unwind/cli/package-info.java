/**
 * The command line (picocli): {@code unwind play|lint|convert|rollback|runs|doc|inventory|version|completion}.
 * Commands parse arguments, build the run's parts and map outcomes to exit codes; they hold no logic
 * of their own.
 */
package dev.unwind.cli;
