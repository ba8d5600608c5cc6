package dev.unwind.transport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host variables that say how to reach and become on a host, each with the aliases Ansible accepts
 * (the first name set wins), and which of them are secrets. The transports, the executor, rollback and
 * the secret registry all read them from here, so an alias is never known to one and not the others.
 */
public enum ConnectionVariable {
    CONNECTION(false, "ansible_connection"),
    HOST(false, "ansible_host", "ansible_ssh_host"),
    PORT(false, "ansible_port", "ansible_ssh_port"),
    USER(false, "ansible_user", "ansible_ssh_user"),
    /** The SSH login password. */
    PASSWORD(true, "ansible_password", "ansible_ssh_pass", "ansible_ssh_password"),
    PRIVATE_KEY_FILE(false, "ansible_ssh_private_key_file", "ansible_private_key_file"),
    SSH_ARGS(false, "ansible_ssh_common_args", "ansible_ssh_extra_args"),
    HOST_KEY_CHECKING(false, "ansible_host_key_checking", "ansible_ssh_host_key_checking"),
    TIMEOUT(false, "ansible_ssh_timeout", "ansible_timeout"),
    /** The sudo password. */
    BECOME_PASSWORD(true, "ansible_become_password", "ansible_become_pass", "ansible_sudo_pass");

    /**
     * The play keywords that set a connection variable for the play's hosts; a host's own variable wins over them,
     * as in Ansible ({@code ansible_user} in the inventory beats {@code remote_user} on the play).
     */
    public static final Map<String, ConnectionVariable> PLAY_KEYWORDS = Map.of("remote_user", USER, "user", USER,
            "connection", CONNECTION, "port", PORT);

    /** The password key of a {@code bastion} map (mkectl, launchpad, k0sctl): a login password too. */
    private static final String BASTION = "bastion";

    private final boolean secret;
    private final List<String> names;

    ConnectionVariable(boolean secret, String... names) {
        this.secret = secret;
        this.names = List.of(names);
    }

    public boolean secret() {
        return secret;
    }

    /** The variable's name and its aliases, the one that wins first. */
    public List<String> names() {
        return names;
    }

    /**
     * The user a connection to the host logs in as: the controller's own for a local connection, else
     * {@code ansible_user}, by default the controller's user as Ansible has it.
     */
    public static String loginUser(Map<String, ?> vars) {
        String self = System.getProperty("user.name");
        String user = USER.text(vars);
        return "local".equals(CONNECTION.text(vars)) || user == null ? self : user;
    }

    /** The value under the first name that is set and not blank, as text; null when none is. */
    public String text(Map<String, ?> vars) {
        for (String n : names) {
            Object v = vars.get(n);
            if (v != null && !String.valueOf(v).isBlank()) {
                return String.valueOf(v);
            }
        }
        return null;
    }

    /** The connection variables set in {@code vars} that are not secrets (what a journal may keep), by the name used. */
    public static Map<String, Object> reachOf(Map<String, ?> vars) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ConnectionVariable v : values()) {
            if (!v.secret) {
                v.names.stream().filter(vars::containsKey).forEach(n -> out.put(n, vars.get(n)));
            }
        }
        return out;
    }

    /** Every secret a host's variables hold under any alias (a bastion's password included), to be masked. */
    public static List<String> secretsOf(Map<String, ?> vars) {
        List<String> out = new ArrayList<>();
        for (ConnectionVariable v : values()) {
            if (v.secret) {
                for (String n : v.names) {
                    if (vars.get(n) != null) {
                        out.add(String.valueOf(vars.get(n)));
                    }
                }
            }
        }
        if (vars.get(BASTION) instanceof Map<?, ?> b && b.get("password") != null) {
            out.add(String.valueOf(b.get("password")));
        }
        return out;
    }
}
