package dev.unwind.module.fetching;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ContentDigest;
import dev.unwind.module.FileStat;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Shell;
import dev.unwind.module.UndoKind;
import dev.unwind.module.files.Attributes;
import dev.unwind.module.files.ContentPlacement;
import dev.unwind.module.files.HostDigest;
import dev.unwind.module.files.Payload;
import dev.unwind.module.files.PriorState;
import dev.unwind.module.files.Safeguards;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code get_url}: the host downloads a URL into a temporary file beside {@code dest}, verifies the checksum there,
 * then renames it into place; the content never passes through the controller. The undo is the file modules': it
 * removes a file it created, or puts back the one it replaced (its bytes, or for a large file its before-image).
 */
public final class GetUrlModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("get_url",
                    "Downloads a file over HTTP, HTTPS or FTP on the host itself (curl, else wget), into a temporary file "
                            + "beside dest; the checksum is verified on the host before the file is renamed into place. "
                            + "An existing dest is kept unless force=true or its checksum differs from checksum.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("url", ArgType.STR, "what to download"),
                    ArgSpec.required("dest", ArgType.STR, "the file to write; an existing directory receives the URL's file name"),
                    ArgSpec.optional("checksum", ArgType.STR, "", "ALGORITHM:HEX (sha256 or sha1) the download must have"),
                    ArgSpec.optional("headers", ArgType.DICT, null, "HTTP request headers"),
                    ArgSpec.optional("force", ArgType.BOOL, false, "download even when dest exists, and replace it when it differs"),
                    ArgSpec.optional("timeout", ArgType.INT, 10, "seconds to connect, and a stall longer than this fails"),
                    ArgSpec.optional("validate_certs", ArgType.BOOL, true, "verify the server's TLS certificate"),
                    ArgSpec.optional("backup", ArgType.BOOL, false, "keep a copy of a replaced file beside it (removed by the undo)"),
                    ArgSpec.optional("mode", ArgType.RAW, null, "octal mode"),
                    ArgSpec.optional("owner", ArgType.STR, null, "owner name"),
                    ArgSpec.optional("group", ArgType.STR, null, "group name"))
            .returns(Map.of("dest", "the file", "url", "the URL", "status_code", "HTTP status of the download",
                    "checksum_src", "SHA-1 of the download", "checksum_dest", "SHA-1 of dest after", "size", "bytes",
                    "msg", "OK (N bytes), or file already exists"))
            .checkMode("predicts exactly: the body is streamed through sha256sum on the host and compared with dest; nothing is written");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        Connection c = ctx.connection();
        String tmp = null;
        try {
            String url = args.str("url");
            String dest = args.str("dest");
            Checksum want = Checksum.parse(args.str("checksum", ""));
            FileStat at = c.stat(dest);
            if (at.isDirectory()) {
                dest = dest.replaceFirst("/+$", "") + "/" + fileName(url);
                at = c.stat(dest);
            }
            Attributes attrs = Attributes.from(args);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("url", url);
            PriorState prior = new PriorState(dest, at);
            if (at.exists() && (want != null ? want.matches(c, dest) : !args.bool("force"))) {
                result.put("msg", "file already exists");
                // no download: only mode, owner and group may change
                return ContentPlacement.place(ctx, prior, null, new Payload.OnHost(null, -1, new ContentDigest(null, null)),
                        attrs, false, result, "file already exists", Safeguards.NONE);
            }
            Download download = new Download(url, args.dict("headers"), args.integer("timeout"), args.bool("validate_certs"));
            Download.Fetched got = ctx.check() ? download.measured(c) : download.toHost(c, dest);
            tmp = got.tmp();
            if (want != null && !want.matchesDownload(c, got)) {
                throw new IllegalStateException("The checksum for " + dest + " did not match " + want.hex() + "; it was "
                        + want.of(c, got) + ".");
            }
            result.put("status_code", got.status());
            result.put("checksum_src", got.sha1());
            result.put("msg", "OK (" + got.size() + " bytes)");
            Outcome o = ContentPlacement.place(ctx, prior, null, new Payload.OnHost(tmp, got.size(),
                    new ContentDigest(got.sha256(), got.sha1())), attrs, true, result, "downloaded", new Safeguards(args.bool("backup"), null));
            if (!o.changed()) {
                removeTemporary(c, tmp);
            }
            tmp = null;
            Map<String, Object> r = new LinkedHashMap<>(o.result());
            r.put("checksum_dest", r.get("checksum"));
            return o.withResult(r);
        } catch (IllegalStateException | IllegalArgumentException e) {
            removeTemporary(c, tmp);
            return Outcome.failed(e.getMessage());
        }
    }

    private static void removeTemporary(Connection c, String tmp) throws ConnectionException {
        if (tmp != null) {
            c.exec(Command.of("rm -f -- " + Shell.quote(tmp)));
        }
    }

    /** The last part of the URL's path, as Ansible names a download into a directory. */
    static String fileName(String url) {
        String path = URI.create(url).getPath();
        String name = path == null ? "" : path.replaceFirst("/+$", "");
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.isEmpty() ? "index.html" : name;
    }

    /** Ansible's {@code checksum: ALGORITHM:HEX}, for the algorithms the host's digest tools take. */
    record Checksum(HostDigest algorithm, String hex) {
        static Checksum parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            int colon = text.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("checksum must be ALGORITHM:HEX, such as sha256:..., got '" + text + "'");
            }
            String alg = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String hex = text.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            HostDigest d = switch (alg) {
                case "sha256" -> HostDigest.SHA256;
                case "sha1" -> HostDigest.SHA1;
                default -> throw new IllegalArgumentException("checksum algorithm " + alg + " is not supported (sha256, sha1)");
            };
            if (!hex.matches("[0-9a-f]+")) {
                throw new IllegalArgumentException("checksum " + text + " is not ALGORITHM:HEX (a checksum file URL is not supported)");
            }
            return new Checksum(d, hex);
        }

        boolean matches(Connection c, String path) throws ConnectionException {
            return hex.equals(algorithm.of(c, path));
        }

        boolean matchesDownload(Connection c, Download.Fetched got) throws ConnectionException {
            return hex.equals(of(c, got));
        }

        String of(Connection c, Download.Fetched got) throws ConnectionException {
            if (algorithm == HostDigest.SHA256) {
                return got.sha256();
            }
            if (got.sha1() == null) {
                throw new IllegalStateException("check mode verifies sha256 checksums only; this one is " + algorithm);
            }
            return got.sha1();
        }
    }
}
