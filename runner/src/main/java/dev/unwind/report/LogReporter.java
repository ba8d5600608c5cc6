package dev.unwind.report;

import dev.unwind.module.Secrets;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** The full log of a run ({@code run.log}, 0600): every event with its time, output included, secrets masked. */
public final class LogReporter implements Reporter {
    private final PrintStream out;
    private final ConsoleReporter format;

    public LogReporter(Path file, Secrets secrets) {
        try {
            dev.unwind.run.RunDirectory.privateFile(file);
            this.out = new PrintStream(Files.newOutputStream(file, StandardOpenOption.APPEND), true, "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run log " + file, e);
        }
        PrintStream stamped = new PrintStream(new java.io.OutputStream() {
            private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

            @Override
            public void write(int b) {
                if (b == '\n') {
                    out.println(Instant.now() + " " + line.toString(java.nio.charset.StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }, true, java.nio.charset.StandardCharsets.UTF_8);
        this.format = new ConsoleReporter(new java.io.PrintWriter(stamped, true), secrets, true, true);
    }

    @Override
    public void on(Event event) {
        format.on(event);
    }

    @Override
    public void close() {
        out.close();
    }
}
