package dev.unwind.transport.ssh;

import com.jcraft.jsch.ConfigRepository;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.Shell;
import dev.unwind.transport.TransportOptions;

import static dev.unwind.transport.ConnectionVariable.HOST;
import static dev.unwind.transport.ConnectionVariable.HOST_KEY_CHECKING;
import static dev.unwind.transport.ConnectionVariable.PASSWORD;
import static dev.unwind.transport.ConnectionVariable.PORT;
import static dev.unwind.transport.ConnectionVariable.PRIVATE_KEY_FILE;
import static dev.unwind.transport.ConnectionVariable.SSH_ARGS;
import static dev.unwind.transport.ConnectionVariable.TIMEOUT;
import static dev.unwind.transport.ConnectionVariable.USER;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a host's inventory variables, the command-line options and {@code ~/.ssh/config} into an
 * {@link SshEndpoint}. Inventory variables win over the command line, which wins over ssh config, as
 * with Ansible's ssh connection. Jump hosts come from {@code -J}/{@code -o ProxyJump=} in
 * {@code ansible_ssh_common_args}, else a {@code bastion} map (mkectl, launchpad, k0sctl), else ssh config.
 */
final class EndpointResolver {
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final TransportOptions options;
    private final SshSettings settings;
    private final ConfigRepository sshConfig;

    EndpointResolver(TransportOptions options, SshSettings settings, ConfigRepository sshConfig) {
        this.options = options;
        this.settings = settings;
        this.sshConfig = sshConfig == null ? ConfigRepository.nullConfig : sshConfig;
    }

    SshEndpoint resolve(String host, Map<String, Object> vars) throws ConnectionException {
        // ansible.cfg's ssh_args come first on Ansible's ssh command line; a host's own common args win over them here
        CommonArgs args = CommonArgs.parse(host, "ssh_args", settings.sshArgs(), new CommonArgs());
        args = CommonArgs.parse(host, "ansible_ssh_common_args", SSH_ARGS.text(vars), args);
        String name = HOST.text(vars);
        name = name == null ? host : name;
        ConfigRepository.Config cfg = sshConfig.getConfig(name);

        Integer port = number(host, vars, PORT.names());
        port = port != null ? port : args.port;
        String user = USER.text(vars);
        user = user != null ? user : options.user();
        String password = PASSWORD.text(vars);
        password = password != null ? password : options.password();

        List<Path> keys = new ArrayList<>();
        String keyVar = PRIVATE_KEY_FILE.text(vars);
        if (keyVar != null) {
            keys.add(expandHome(keyVar));
        }
        keys.addAll(args.identityFiles);
        if (options.privateKey() != null) {
            keys.add(options.privateKey());
        }

        HostKeyChecking checking;
        try {
            String var = HOST_KEY_CHECKING.text(vars);
            checking = HostKeyChecking.parse(args.strictHostKeyChecking != null ? args.strictHostKeyChecking
                    : var != null ? var : options.hostKeyChecking());
        } catch (IllegalArgumentException e) {
            throw new ConnectionException(host, e.getMessage());
        }
        Path knownHosts = args.knownHosts != null ? expandHome(args.knownHosts) : settings.knownHosts();

        Duration connectTimeout = args.connectTimeout;
        Integer timeoutVar = number(host, vars, TIMEOUT.names());
        if (timeoutVar != null) {
            connectTimeout = Duration.ofSeconds(timeoutVar);
        }
        if (connectTimeout == null) {
            connectTimeout = options.connectTimeout() != null ? options.connectTimeout() : DEFAULT_CONNECT_TIMEOUT;
        }
        Duration alive = args.serverAliveInterval;

        SshEndpoint via = null;
        if (args.proxyJump != null) {
            via = jumpChain(host, args.proxyJump, keys, checking, knownHosts, connectTimeout);
        } else if (vars.get("bastion") instanceof Map<?, ?> bastion) {
            via = bastion(host, bastion, keys, checking, knownHosts, connectTimeout);
        } else if (cfg.getValue("ProxyJump") != null) {
            via = jumpChain(host, cfg.getValue("ProxyJump"), keys, checking, knownHosts, connectTimeout);
        }
        return endpoint(host, name, port, user, password, keys, checking, knownHosts, connectTimeout, alive, via);
    }

    /** Fills what the inventory left open from ssh config and the defaults. */
    private SshEndpoint endpoint(String host, String name, Integer port, String user, String password, List<Path> keys,
                                 HostKeyChecking checking, Path knownHosts, Duration connectTimeout, Duration alive,
                                 SshEndpoint via) throws ConnectionException {
        ConfigRepository.Config cfg = sshConfig.getConfig(name);
        String hostname = cfg.getHostname() != null ? cfg.getHostname() : name;
        int p = port != null ? port : cfg.getPort() > 0 ? cfg.getPort() : 22;
        String u = user != null ? user : cfg.getUser() != null ? cfg.getUser() : System.getProperty("user.name");
        List<Path> ids = new ArrayList<>(keys);
        String[] cfgIds = cfg.getValues("IdentityFile");
        if (cfgIds != null) {
            for (String id : cfgIds) {
                ids.add(expandHome(id));
            }
        }
        Duration interval = alive;
        if (interval == null && cfg.getValue("ServerAliveInterval") != null) {
            interval = Duration.ofSeconds(parseInt(host, "ServerAliveInterval", cfg.getValue("ServerAliveInterval")));
        }
        if (interval == null) {
            interval = settings.serverAliveInterval();
        }
        return new SshEndpoint(host, hostname, p, u, ids, password, checking, knownHosts, connectTimeout, interval, via);
    }

    /** {@code [user@]host[:port]} hops separated by commas, each reached through the one before. */
    private SshEndpoint jumpChain(String host, String spec, List<Path> keys, HostKeyChecking checking, Path knownHosts,
                                  Duration connectTimeout) throws ConnectionException {
        if (spec.equalsIgnoreCase("none")) {
            return null;
        }
        SshEndpoint via = null;
        for (String hop : spec.split(",")) {
            String h = hop.strip();
            String user = null;
            int at = h.lastIndexOf('@');
            if (at >= 0) {
                user = h.substring(0, at);
                h = h.substring(at + 1);
            }
            Integer port = null;
            if (h.startsWith("[") && h.contains("]")) {
                int close = h.indexOf(']');
                if (h.length() > close + 1 && h.charAt(close + 1) == ':') {
                    port = parseInt(host, "ProxyJump port", h.substring(close + 2));
                }
                h = h.substring(1, close);
            } else if (h.indexOf(':') > 0 && h.indexOf(':') == h.lastIndexOf(':')) {
                port = parseInt(host, "ProxyJump port", h.substring(h.indexOf(':') + 1));
                h = h.substring(0, h.indexOf(':'));
            }
            if (h.isEmpty()) {
                throw new ConnectionException(host, "jump host '" + hop + "' names no host");
            }
            via = endpoint(host + " (jump host " + h + ")", h, port, user, null, keys, checking, knownHosts,
                    connectTimeout, null, via);
        }
        return via;
    }

    private SshEndpoint bastion(String host, Map<?, ?> b, List<Path> keys, HostKeyChecking checking, Path knownHosts,
                                Duration connectTimeout) throws ConnectionException {
        Map<String, Object> m = new LinkedHashMap<>();
        b.forEach((k, v) -> m.put(String.valueOf(k), v));
        String address = text(m, "address", "host", "ansible_host");
        if (address == null) {
            throw new ConnectionException(host, "the bastion of this host has no address");
        }
        List<Path> ids = new ArrayList<>();
        String key = text(m, "keyPath", "key_path", "ssh_key_path", "ansible_ssh_private_key_file");
        if (key != null) {
            ids.add(expandHome(key));
        }
        ids.addAll(keys);
        return endpoint(host + " (bastion " + address + ")", address, number(host, m, "port"),
                text(m, "user", "ansible_user"), text(m, "password"), ids, checking, knownHosts, connectTimeout, null, null);
    }

    private static String text(Map<String, Object> vars, String... names) {
        for (String n : names) {
            Object v = vars.get(n);
            if (v != null && !String.valueOf(v).isBlank()) {
                return String.valueOf(v);
            }
        }
        return null;
    }

    private static Integer number(String host, Map<String, Object> vars, String... names) throws ConnectionException {
        return number(host, vars, List.of(names));
    }

    private static Integer number(String host, Map<String, Object> vars, List<String> names) throws ConnectionException {
        for (String n : names) {
            Object v = vars.get(n);
            if (v instanceof Number num) {
                return num.intValue();
            }
            if (v != null && !String.valueOf(v).isBlank()) {
                return parseInt(host, n, String.valueOf(v).strip());
            }
        }
        return null;
    }

    private static int parseInt(String host, String what, String value) throws ConnectionException {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ConnectionException(host, what + " '" + value + "' is not a number");
        }
    }

    static Path expandHome(String p) {
        if (p.equals("~") || p.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + p.substring(1));
        }
        return Path.of(p);
    }

    /**
     * The OpenSSH options we honour from {@code ansible_ssh_common_args} and ansible.cfg's {@code ssh_args}: the rest
     * are ignored (ControlMaster, ControlPersist, ControlPath among them: the transport keeps one session per host for
     * the whole run, which is what they give ssh).
     */
    private static final class CommonArgs {
        String proxyJump;
        String strictHostKeyChecking;
        String knownHosts;
        Integer port;
        Duration connectTimeout;
        Duration serverAliveInterval;
        final List<Path> identityFiles = new ArrayList<>();

        /** {@code line}'s options over those {@code a} holds; {@code what} names the setting in errors. */
        static CommonArgs parse(String host, String what, String line, CommonArgs a) throws ConnectionException {
            if (line == null) {
                return a;
            }
            List<String> words;
            try {
                words = Shell.split(line);
            } catch (IllegalArgumentException e) {
                throw new ConnectionException(host, what + ": " + e.getMessage());
            }
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                String value;
                if (w.equals("-J") || w.equals("-o") || w.equals("-i") || w.equals("-p")) {
                    if (i + 1 >= words.size()) {
                        throw new ConnectionException(host, what + ": " + w + " needs a value");
                    }
                    value = words.get(++i);
                } else if (w.length() > 2 && (w.startsWith("-J") || w.startsWith("-o") || w.startsWith("-i")
                        || w.startsWith("-p"))) {
                    value = w.substring(2);
                } else {
                    continue;
                }
                switch (w.substring(0, 2)) {
                    case "-J" -> a.proxyJump = value;
                    case "-i" -> a.identityFiles.add(expandHome(value));
                    case "-p" -> a.port = parseInt(host, "-p", value);
                    default -> a.option(host, value);
                }
            }
            return a;
        }

        private void option(String host, String kv) throws ConnectionException {
            String[] p = kv.split("[=\\s]", 2);
            if (p.length < 2) {
                return;
            }
            String value = p[1].strip();
            switch (p[0].toLowerCase(Locale.ROOT)) {
                case "proxyjump" -> proxyJump = value;
                case "proxycommand" -> throw new ConnectionException(host,
                        "ProxyCommand is not supported; use ProxyJump (-J user@bastion) instead");
                case "stricthostkeychecking" -> strictHostKeyChecking = value;
                case "userknownhostsfile" -> knownHosts = value.split("\\s+")[0];
                case "port" -> port = parseInt(host, "Port", value);
                case "identityfile" -> identityFiles.add(expandHome(value));
                case "connecttimeout" -> connectTimeout = Duration.ofSeconds(parseInt(host, "ConnectTimeout", value));
                case "serveraliveinterval" -> serverAliveInterval = Duration.ofSeconds(
                        parseInt(host, "ServerAliveInterval", value));
                default -> {
                    // other ssh options have no meaning for this transport
                }
            }
        }
    }
}
