/**
 * Kernel parameters: {@code sysctl} and {@code restore_sysctl}, the internal module its automatic undo calls. The
 * file a task edits is put back by the file modules' own before-image ({@code restore_path}); the runtime values it
 * set, or that a reload of the file set, are put back from what they were read to be before.
 */
package dev.unwind.module.kernel;
