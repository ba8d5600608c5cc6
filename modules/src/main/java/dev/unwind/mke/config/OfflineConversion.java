package dev.unwind.mke.config;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code unwind upgrade --dry-run --mke3-config FILE [--config-out OUT] [--output DIR]}: converts an MKE 3
 * configuration without connecting to anything. Prints the source (secrets masked), the compatibility
 * report and the MKE 4k configuration (secrets masked unless it goes to --config-out); writes files 0600.
 */
public final class OfflineConversion {
    public static final String OUTPUT_FOLDER = "mke-upgrade";

    private final Mke3ToMke4Converter converter;

    public OfflineConversion(Mke3ToMke4Converter converter) {
        this.converter = converter;
    }

    public OfflineConversion() {
        this(new Mke3ToMke4Converter());
    }

    /**
     * What the dry run did.
     *
     * @param written every file written, for the caller to list
     */
    public record Result(Conversion conversion, List<Path> written) {
    }

    /** Throws {@link InvalidMke3Config} for a bad file (the CLI maps it to exit 5). */
    public Result run(Path mke3Config, Path configOut, Path outputDir, ConversionOptions options, PrintStream out) {
        Mke3Toml toml = Mke3Toml.read(mke3Config);
        Conversion c = converter.convert(toml, options);
        List<Path> written = new ArrayList<>();

        out.println("Source MKE 3 configuration (" + mke3Config + "):");
        out.println(SecretSettings.redact(toml).stripTrailing());
        out.println();
        out.print(c.report().toText());
        out.println();
        if (configOut != null) {
            writePrivate(configOut, c.yaml());
            written.add(configOut);
            out.println("The MKE 4k configuration was written to " + configOut + " (mode 0600).");
        } else {
            out.println("Below is your new MKE 4 config. Save it to a file and use it to configure the MKE 4 cluster"
                    + " with mkectl apply:");
            out.print(c.displayYaml());
            if (c.hasSecrets()) {
                out.println("# Secrets are masked above; use --config-out FILE to write them to a 0600 file.");
            }
        }
        if (outputDir != null) {
            Path dir = outputDir.resolve(OUTPUT_FOLDER);
            writePrivate(dir.resolve("mke3.toml"), toml.text());
            writePrivate(dir.resolve("mke4.yaml"), c.yaml());
            writePrivate(dir.resolve("compatibility-report.txt"), c.report().toText());
            writePrivate(dir.resolve("compatibility-report.json"), c.report().toJson());
            for (String f : List.of("mke3.toml", "mke4.yaml", "compatibility-report.txt", "compatibility-report.json")) {
                written.add(dir.resolve(f));
            }
            out.println("Results written to " + dir);
        }
        if (c.report().needsConfirmation()) {
            out.println(c.report().needingConfirmation().size() + " MKE 3 settings would not be carried over:"
                    + " a real upgrade stops and asks before going on (or goes on with --force).");
        }
        return new Result(c, written);
    }

    /** Writes through a 0600 temporary file and a rename, so the content is never readable by others. */
    public static void writePrivate(Path file, String content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
