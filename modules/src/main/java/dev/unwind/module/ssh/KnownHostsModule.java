package dev.unwind.module.ssh;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.FileStat;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Predictions;
import dev.unwind.module.UndoKind;
import dev.unwind.module.files.Attributes;
import dev.unwind.module.files.ContentPlacement;
import dev.unwind.module.files.PriorState;
import dev.unwind.module.files.TextLines;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code known_hosts}: adds a host key to a known_hosts file (replacing the host's key of the same type) or removes
 * it, or removes every key of a host. Decides as Ansible's module does; the file is placed, and its undo made, by
 * {@link ContentPlacement}.
 */
public final class KnownHostsModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("known_hosts",
                    "Adds or removes a host key in a known_hosts file. One key per host and key type: a different key of "
                            + "the same type replaces the old one. With state=absent and no key, every key of the host goes. "
                            + "Hashed entries (|1|...) and patterns are matched as OpenSSH matches them. Undo: the file's "
                            + "before-image (restore_path).",
                    UndoKind.AUTOMATIC,
                    ArgSpec.required("name", ArgType.STR, "the host (lowercased), [host]:port for another port; one name only").aliases("host"),
                    ArgSpec.optional("key", ArgType.STR, null, "the key line as ssh-keyscan prints it: host[,...] type key [comment]; "
                            + "required with state=present"),
                    ArgSpec.optional("path", ArgType.STR, "~/.ssh/known_hosts", "the file (~ is the home of the user the task runs as)"),
                    ArgSpec.optional("hash_host", ArgType.BOOL, false, "write the host field hashed"),
                    ArgSpec.optional("state", ArgType.STR, "present", "present or absent").choices("present", "absent"))
            .returns(Map.of("name", "the host", "key", "the line written (hashed when hash_host)", "path", "the file, ~ expanded",
                    "hash_host", "as given", "state", "as given"))
            .checkMode("predicts exactly; with --diff shows the content change");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        try {
            String host = args.str("name").toLowerCase();
            boolean present = args.str("state").equals("present");
            if (host.matches(".*\\S\\s*,.*")) {
                return Outcome.failed("Comma separated list of names is not supported. Please pass a single name to lookup"
                        + " in the known_hosts file.");
            }
            String given = args.has("key") ? args.str("key").strip() : null;
            if (given == null && present) {
                return Outcome.failed("No key specified when adding a host");
            }
            KnownHostLine want = null;
            String written = given;
            if (given != null) {
                want = KnownHostLine.parse(given).orElse(null);
                if (want == null) {
                    return Outcome.failed("key is not a known_hosts line (host type key): " + given);
                }
                if (args.bool("hash_host")) {
                    String hashed = HostPattern.hash(host);
                    written = given.replaceFirst(Pattern.quote(want.hosts()), Matcher.quoteReplacement(hashed));
                    want = want.withHosts(hashed);
                }
                if (!HostPattern.matches(want.hosts(), host)) {
                    return Outcome.failed("Host parameter does not match hashed host field in supplied key");
                }
            }
            Connection c = ctx.connection();
            String path = expandHome(c, args.str("path"));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", host);
            r.put("key", written);
            r.put("path", path);
            r.put("hash_host", args.bool("hash_host"));
            r.put("state", args.str("state"));
            FileStat st = c.stat(path);
            if (!st.exists() && !present) {
                return Outcome.ok(path + " does not exist: no key of " + host + " to remove", r);
            }
            String parent = PriorState.parentOf(path);
            // Ansible writes beside the file and makes no folder; check mode fails alike unless a task would make it
            if (!st.exists() && !c.stat(parent).isDirectory()
                    && !(ctx.check() && ctx.predictions().has(Predictions.Kind.PATH, parent))) {
                return Outcome.failed("destination directory " + parent + " does not exist", r);
            }
            TextLines text = TextLines.read(c, path, st, true);
            String what = want == null ? removeHost(text, host) : present ? add(text, host, want, written) : remove(text, host, want);
            if (what == null) {
                return Outcome.ok(path + ": " + host + " is as wanted", r);
            }
            Outcome o = ContentPlacement.place(ctx, path, text.bytes(), Attributes.NONE, true, Map.of(), what);
            Map<String, Object> merged = new LinkedHashMap<>(o.result());
            merged.putAll(r);
            return o.withResult(merged);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    /** Where the host's entry of the key's type is (or -1), and whether it is the very key. */
    private record Found(boolean any, int line, boolean same) {
    }

    /**
     * Ansible's search: the first entry naming the host that is the key (hashed host fields compare equal when both are
     * hashed) or has its type.
     */
    private static Found find(TextLines text, String host, KnownHostLine want) {
        boolean any = false;
        for (int i = 0; i < text.lines.size(); i++) {
            Optional<KnownHostLine> l = KnownHostLine.parse(text.lines.get(i));
            if (l.isEmpty() || !HostPattern.matches(l.get().hosts(), host)) {
                continue;
            }
            any = true;
            KnownHostLine seen = l.get();
            KnownHostLine compared = want.hashed() && seen.hashed() ? want.withHosts(seen.hosts()) : want;
            if (compared.equals(seen)) {
                return new Found(true, i, true);
            }
            if (want.type().equals(seen.type())) {
                return new Found(true, i, false);
            }
        }
        return new Found(any, -1, false);
    }

    private static String add(TextLines text, String host, KnownHostLine want, String written) {
        Found f = find(text, host, want);
        if (f.same()) {
            return null;
        }
        if (f.line() >= 0) {
            text.lines.remove(f.line());
        }
        text.insert(text.lines.size(), written);
        return f.line() >= 0 ? "key of " + host + " replaced" : "key of " + host + " added";
    }

    private static String remove(TextLines text, String host, KnownHostLine want) {
        Found f = find(text, host, want);
        if (f.line() < 0) {
            return null;
        }
        text.lines.remove(f.line());
        return "key of " + host + " removed";
    }

    /** Every line naming the host goes, as {@code ssh-keygen -R} removes them (without its .old copy). */
    private static String removeHost(TextLines text, String host) {
        int before = text.lines.size();
        text.lines.removeIf(l -> KnownHostLine.parse(l).map(k -> HostPattern.matches(k.hosts(), host)).orElse(false));
        int gone = before - text.lines.size();
        return gone == 0 ? null : gone + " key(s) of " + host + " removed";
    }

    /** {@code ~} and {@code ~/...} as the host's shell sees them; {@code ~user/...} too, for a plain user name. */
    private static String expandHome(Connection c, String path) throws ConnectionException {
        if (!path.startsWith("~")) {
            return path;
        }
        int slash = path.indexOf('/');
        String user = slash < 0 ? path.substring(1) : path.substring(1, slash);
        if (!user.matches("[A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("cannot expand " + path + ": not a user name after ~");
        }
        ExecResult r = c.exec(Command.of("printf '%s' ~" + user));
        String home = r.stdout();
        if (!r.ok() || home.isEmpty() || home.startsWith("~")) {
            throw new IllegalStateException("cannot find the home of '" + (user.isEmpty() ? "the user" : user) + "' on " + c.host());
        }
        return slash < 0 ? home : home + path.substring(slash);
    }
}
