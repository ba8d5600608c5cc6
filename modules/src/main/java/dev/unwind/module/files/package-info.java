/**
 * Modules that shape files on a host ({@code copy}, {@code template}, {@code file}, ...) and
 * {@code restore_path}, the internal module their automatic undo calls. Every module here looks at the
 * path first ({@link dev.unwind.module.files.PriorState}), decides what it would change, and only then
 * acts, so check mode runs the same decision and predicts exactly what a real run does.
 */
package dev.unwind.module.files;
