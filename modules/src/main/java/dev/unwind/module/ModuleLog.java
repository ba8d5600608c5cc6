package dev.unwind.module;

/** Where a module tells what it is doing: the run log, and the console with {@code -v}. */
public interface ModuleLog {

    void info(String line);

    /** Output streamed from a command, line by line. */
    void output(String line);
}
