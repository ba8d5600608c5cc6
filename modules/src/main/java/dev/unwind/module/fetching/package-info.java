/**
 * Modules that bring content from elsewhere onto a host: {@code get_url} (the host downloads, never the controller),
 * {@code unarchive} (unpacks onto the host, keeping a before-image of what it replaces) and {@code git}. Their undos
 * are the file modules' ({@code restore_path}) where they place single files, and their own where they make trees.
 */
package dev.unwind.module.fetching;
