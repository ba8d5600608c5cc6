package dev.unwind.lab.ssh;

import java.nio.file.Path;
import java.util.Map;

/**
 * How a node runs a command: {@code /bin/sh -c} in {@code sandbox} with exactly {@code environment}
 * (nothing is inherited from the JVM), then {@code afterCommand} before the exit status goes back.
 */
public record NodeShell(Path sandbox, Map<String, String> environment, Runnable afterCommand) {
    public NodeShell {
        environment = Map.copyOf(environment);
    }
}
