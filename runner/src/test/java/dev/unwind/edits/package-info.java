/** The edit, download, archive and git modules held to unwind's promise on real Debian nodes. */
package dev.unwind.edits;
