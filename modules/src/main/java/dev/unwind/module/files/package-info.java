/**
 * Modules that shape files on a host ({@code copy}, {@code template}, {@code file}, ...) and
 * {@code restore_path}, the internal module their automatic undo calls. Every module here looks at the
 * path first ({@link dev.unwind.module.files.PriorState}), decides what it would change, and only then
 * acts, so check mode runs the same decision and predicts exactly what a real run does. Content of any size
 * travels as a stream ({@link dev.unwind.module.files.Payload}); a large file is compared by its checksum where
 * it lives ({@link dev.unwind.module.files.HostDigest}) and its previous content kept beside it on the host
 * ({@link dev.unwind.module.files.BeforeImage}), so nothing big crosses the network or the heap twice.
 */
package dev.unwind.module.files;
