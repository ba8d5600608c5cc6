/** Module documentation rendered from the modules' own declarations, for {@code unwind doc}. */
package dev.unwind.module.doc;
