/** The {@code local} connection: commands and files on the controller itself. */
package dev.unwind.local;
