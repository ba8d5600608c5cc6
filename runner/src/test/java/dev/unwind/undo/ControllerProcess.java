package dev.unwind.undo;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** unwind run as a separate controller process, so tests can Ctrl-C it or kill -9 it. */
public final class ControllerProcess {
    private final Process process;
    private final Path output;

    private ControllerProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    public static ControllerProcess start(Path home, List<String> jvmProps, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Dunwind.home=" + home);
        cmd.addAll(jvmProps);
        cmd.add("dev.unwind.cli.Main");
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("controller", ".out");
        out.toFile().deleteOnExit();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        return new ControllerProcess(p, out);
    }

    public void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor();
    }

    public int waitFor() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            String printed;
            try {
                printed = output();
            } catch (IOException e) {
                printed = "(unreadable: " + e.getMessage() + ")";
            }
            throw new AssertionError("the controller did not end within 60 s; it printed:\n" + printed);
        }
        return process.exitValue();
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    public static void awaitFile(Path file, ControllerProcess p) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(file)) {
            if (!p.process.isAlive()) {
                throw new AssertionError("the controller ended before reaching " + file + ":\n" + p.output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the controller never reached " + file);
            }
            Thread.sleep(20);
        }
    }

    static String classpathSeparator() {
        return File.pathSeparator;
    }
}
