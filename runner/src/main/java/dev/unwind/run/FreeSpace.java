package dev.unwind.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The room a run needs under UNWIND_HOME before it starts. A journal that cannot be appended to cannot be
 * unwound, so a run refuses to start on a nearly full file system rather than fail halfway.
 */
public final class FreeSpace {
    /** Free bytes a run needs to start: its journal, run.log, and the before-state its undos keep in backups/. */
    public static final long MINIMUM_BYTES = 16L * 1024 * 1024;

    private FreeSpace() {
    }

    /** Throws {@link RunRefused} when the file system that holds (or will hold) {@code home} has too little free. */
    public static void require(Path home) {
        long minimum = Long.getLong("unwind.test.minimumFreeBytes", MINIMUM_BYTES);
        Path existing = home.toAbsolutePath();
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        long free;
        try {
            free = Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tell the free space under " + home + ": " + e.getMessage(), e);
        }
        if (free < minimum) {
            throw new RunRefused("UNWIND_HOME (" + home + ") has " + mib(free) + " free; a run needs " + mib(minimum)
                    + " there for its journal and backups. Free some space, or set UNWIND_HOME to another file system");
        }
    }

    private static String mib(long bytes) {
        return bytes / (1024 * 1024) + " MiB";
    }
}
