/**
 * The module SPI: what a task calls. A {@link dev.unwind.module.Module} declares its arguments
 * ({@link dev.unwind.module.ModuleSpec}) so playbooks are validated before anything runs, and
 * returns an {@link dev.unwind.module.Outcome} that may carry its own {@link dev.unwind.module.Undo}.
 * Modules reach hosts only through a {@link dev.unwind.module.Connection}; they never know the executor.
 */
package dev.unwind.module;
