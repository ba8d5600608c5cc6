package dev.unwind.cli;

import dev.unwind.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the running lab lives: {@code $UNWIND_HOME/lab/} with {@code lab.pid} (the {@code unwind lab up}
 * process) and {@code stop} (written by {@code unwind lab down}). One lab per UNWIND_HOME.
 */
record LabFolder(Path dir) {

    static LabFolder inHome() {
        return new LabFolder(RunDirectory.home().resolve("lab"));
    }

    Path root() {
        return dir.resolve("current");
    }

    Path pidFile() {
        return dir.resolve("lab.pid");
    }

    Path stopFile() {
        return dir.resolve("stop");
    }

    /** The process of the lab that is up, if one is. */
    Optional<ProcessHandle> running() {
        try {
            long pid = Long.parseLong(Files.readString(pidFile()).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    void clear() throws IOException {
        Files.deleteIfExists(pidFile());
        Files.deleteIfExists(stopFile());
    }
}
