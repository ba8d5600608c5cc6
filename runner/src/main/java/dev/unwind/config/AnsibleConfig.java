package dev.unwind.config;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The values of {@link AnsibleSetting}s for this process, each with where it came from: an {@code ANSIBLE_*} variable
 * above the configuration file, the file above nothing (unwind's own defaults apply then). The file is the first that
 * exists of {@code $ANSIBLE_CONFIG} (a file, or a folder holding ansible.cfg), {@code ./ansible.cfg} (skipped, as
 * Ansible skips it, when the working folder is world-writable), {@code ~/.ansible.cfg}, {@code /etc/ansible/ansible.cfg}.
 */
public final class AnsibleConfig {
    /** What the process runs in: its environment variables, working folder and home. */
    public record Environment(Map<String, String> vars, Path cwd, Path home) {
        /** This process's; the home is {@code $HOME} (as Python's expanduser takes it), else Java's user.home. */
        public static Environment current() {
            String home = System.getenv("HOME");
            return new Environment(System.getenv(), Path.of("").toAbsolutePath(),
                    Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home")));
        }
    }

    /** One setting's value and its origin: the file's path, or {@code env: NAME}. */
    public record Value(Object value, String origin) {
    }

    private static final Pattern VAR = Pattern.compile("\\$(\\w+)|\\$\\{(\\w+)}");
    private static AnsibleConfig current;

    private final Path file;
    private final Map<AnsibleSetting, Value> values;

    private AnsibleConfig(Path file, Map<AnsibleSetting, Value> values) {
        this.file = file;
        this.values = values;
    }

    /** This process's configuration, read once. */
    public static synchronized AnsibleConfig current() {
        if (current == null) {
            current = load(Environment.current());
        }
        return current;
    }

    public static AnsibleConfig load(Environment env) {
        Path path = find(env).orElse(null);
        ConfigFile cfg = path == null ? null : ConfigFile.read(path);
        Map<AnsibleSetting, Value> values = new EnumMap<>(AnsibleSetting.class);
        for (AnsibleSetting s : AnsibleSetting.values()) {
            String fromEnv = env.vars().get(s.env());
            if (fromEnv != null) {
                values.put(s, new Value(typed(s, fromEnv, env.cwd(), env), "env: " + s.env()));
            } else if (cfg != null && cfg.value(s.section(), s.key()) != null) {
                values.put(s, new Value(typed(s, cfg.value(s.section(), s.key()), path.getParent(), env), path.toString()));
            }
        }
        return new AnsibleConfig(path, values);
    }

    /** The configuration file in use, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    public Optional<Value> get(AnsibleSetting s) {
        return Optional.ofNullable(values.get(s));
    }

    public Optional<String> string(AnsibleSetting s) {
        return get(s).map(v -> String.valueOf(v.value()));
    }

    public Optional<Boolean> bool(AnsibleSetting s) {
        return get(s).map(v -> (Boolean) v.value());
    }

    public Optional<Integer> integer(AnsibleSetting s) {
        return get(s).map(v -> (Integer) v.value());
    }

    @SuppressWarnings("unchecked")
    public List<String> paths(AnsibleSetting s) {
        return get(s).map(v -> (List<String>) v.value()).orElse(List.of());
    }

    /** A list setting's texts (none when it is not set). */
    public List<String> list(AnsibleSetting s) {
        return paths(s);
    }

    /**
     * What {@code ansible-config dump --only-changed} prints for these settings, in its format; then the ssh connection
     * plugin's options that are set, as {@code ansible-config dump --only-changed -t connection} prints them.
     */
    public String dump() {
        StringBuilder sb = new StringBuilder("CONFIG_FILE() = ").append(file == null ? "None" : file.toString()).append('\n');
        dumped(sb, values.keySet().stream().filter(s -> s.plugin() == null).toList());
        List<AnsibleSetting> ssh = values.keySet().stream().filter(s -> "ssh".equals(s.plugin())).toList();
        if (!ssh.isEmpty()) {
            dumped(sb.append("\nssh:\n___\n"), ssh);
        }
        return sb.toString();
    }

    private void dumped(StringBuilder sb, List<AnsibleSetting> settings) {
        settings.stream().sorted(java.util.Comparator.comparing(AnsibleSetting::dumpName)).forEach(s ->
                sb.append(s.dumpName()).append('(').append(values.get(s).origin()).append(") = ").append(python(values.get(s).value()))
                        .append('\n'));
    }

    private static Optional<Path> find(Environment env) {
        String named = env.vars().get("ANSIBLE_CONFIG");
        List<Path> candidates = new ArrayList<>();
        if (named != null && !named.isEmpty()) {
            Path p = env.cwd().resolve(expand(named, env));
            candidates.add(Files.isDirectory(p) ? p.resolve("ansible.cfg") : p);
        }
        if (!worldWritable(env.cwd())) {
            candidates.add(env.cwd().resolve("ansible.cfg"));
        }
        candidates.add(env.home().resolve(".ansible.cfg"));
        candidates.add(Path.of("/etc/ansible/ansible.cfg"));
        return candidates.stream().filter(Files::isRegularFile).map(Path::normalize).findFirst();
    }

    private static boolean worldWritable(Path dir) {
        try {
            return Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static Object typed(AnsibleSetting s, String text, Path base, Environment env) {
        return switch (s.type()) {
            // Ansible's boolean(): its truth words, anything else false
            case BOOL -> Boolean.TRUE.equals(dev.unwind.module.Args.parseBool(text));
            case INT -> {
                try {
                    yield Integer.parseInt(text.strip());
                } catch (NumberFormatException e) {
                    throw new dev.unwind.input.InvalidInput(dev.unwind.input.Position.of(s.key()), "'" + text
                            + "' is not a whole number (" + s.name() + ")");
                }
            }
            case STRING -> unquoted(text);
            case LIST -> java.util.Arrays.stream(unquoted(text).split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
            case PATH -> path(text, base, env);
            case PATH_LIST -> split(text, ",", base, env);
            case PATH_SPEC -> split(text, File.pathSeparator, base, env);
        };
    }

    private static List<String> split(String text, String separator, Path base, Environment env) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(Pattern.quote(separator))) {
            if (!part.isBlank()) {
                out.add(path(part.strip(), base, env));
            }
        }
        return List.copyOf(out);
    }

    /** Ansible's {@code unfrackpath}: variables and {@code ~} expanded, made absolute from {@code base}, normalized. */
    private static String path(String text, Path base, Environment env) {
        return base.resolve(expand(text, env)).normalize().toString();
    }

    private static String expand(String text, Environment env) {
        Matcher m = VAR.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = env.vars().get(name);
            m.appendReplacement(sb, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(sb);
        String s = sb.toString();
        return s.equals("~") ? env.home().toString() : s.startsWith("~/") ? env.home() + s.substring(1) : s;
    }

    /** Ansible takes surrounding quotes off a string setting. */
    private static String unquoted(String text) {
        if (text.length() >= 2 && (text.startsWith("'") && text.endsWith("'") || text.startsWith("\"") && text.endsWith("\""))) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    private static String python(Object v) {
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof List<?> l) {
            return l.stream().map(x -> "'" + x + "'").collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(v);
    }
}
