package dev.unwind.config;

/**
 * The settings of Ansible's configuration that unwind uses, under Ansible's names (as {@code ansible-config dump}
 * prints them), with where each is read from and how its text is taken. Any other setting is ignored, as Ansible
 * ignores one it does not know.
 */
public enum AnsibleSetting {
    DEFAULT_BECOME("privilege_escalation", "become", "ANSIBLE_BECOME", Type.BOOL),
    DEFAULT_BECOME_METHOD("privilege_escalation", "become_method", "ANSIBLE_BECOME_METHOD", Type.STRING),
    DEFAULT_BECOME_USER("privilege_escalation", "become_user", "ANSIBLE_BECOME_USER", Type.STRING),
    DEFAULT_FORCE_HANDLERS("defaults", "force_handlers", "ANSIBLE_FORCE_HANDLERS", Type.BOOL),
    DEFAULT_FORKS("defaults", "forks", "ANSIBLE_FORKS", Type.INT),
    DEFAULT_HOST_LIST("defaults", "inventory", "ANSIBLE_INVENTORY", Type.PATH_LIST),
    DEFAULT_PRIVATE_KEY_FILE("defaults", "private_key_file", "ANSIBLE_PRIVATE_KEY_FILE", Type.PATH),
    DEFAULT_REMOTE_USER("defaults", "remote_user", "ANSIBLE_REMOTE_USER", Type.STRING),
    DEFAULT_ROLES_PATH("defaults", "roles_path", "ANSIBLE_ROLES_PATH", Type.PATH_SPEC),
    DEFAULT_TIMEOUT("defaults", "timeout", "ANSIBLE_TIMEOUT", Type.INT),
    DEFAULT_VAULT_IDENTITY("defaults", "vault_identity", "ANSIBLE_VAULT_IDENTITY", Type.STRING),
    DEFAULT_VAULT_IDENTITY_LIST("defaults", "vault_identity_list", "ANSIBLE_VAULT_IDENTITY_LIST", Type.LIST),
    /** Untyped in Ansible (its base.yml gives no type): any text but an empty one turns it on, even "no". */
    DEFAULT_VAULT_ID_MATCH("defaults", "vault_id_match", "ANSIBLE_VAULT_ID_MATCH", Type.STRING),
    DEFAULT_VAULT_PASSWORD_FILE("defaults", "vault_password_file", "ANSIBLE_VAULT_PASSWORD_FILE", Type.PATH),
    HOST_KEY_CHECKING("defaults", "host_key_checking", "ANSIBLE_HOST_KEY_CHECKING", Type.BOOL),
    /** The ssh connection plugin's options: OpenSSH options for every host ({@code -o Key=Value}, {@code -i}, {@code -J}, {@code -p}). */
    SSH_ARGS("ssh_connection", "ssh_args", "ANSIBLE_SSH_ARGS", Type.STRING, "ssh"),
    /** Read and shown; the transport keeps one session per host for the run, what a control socket gives ssh. */
    SSH_CONTROL_PATH("ssh_connection", "control_path", "ANSIBLE_SSH_CONTROL_PATH", Type.STRING, "ssh"),
    SSH_CONTROL_PATH_DIR("ssh_connection", "control_path_dir", "ANSIBLE_SSH_CONTROL_PATH_DIR", Type.STRING, "ssh");

    /** How Ansible takes a setting's text (its config types {@code boolean}, {@code integer}, {@code path}, ...). */
    public enum Type {
        BOOL,
        INT,
        STRING,
        /** texts separated by commas */
        LIST,
        /** one path: {@code ~} and {@code $VARS} expanded, relative to the configuration file's folder */
        PATH,
        /** paths separated by commas */
        PATH_LIST,
        /** paths separated by colons */
        PATH_SPEC
    }

    private final String section;
    private final String key;
    private final String env;
    private final Type type;
    private final String plugin;

    AnsibleSetting(String section, String key, String env, Type type) {
        this(section, key, env, type, null);
    }

    AnsibleSetting(String section, String key, String env, Type type, String plugin) {
        this.section = section;
        this.key = key;
        this.env = env;
        this.type = type;
        this.plugin = plugin;
    }

    /** The plugin whose option this is ({@code ssh}), or null for Ansible's own settings. */
    public String plugin() {
        return plugin;
    }

    /** The name {@code ansible-config dump} prints: a setting's constant, a plugin option's key. */
    public String dumpName() {
        return plugin == null ? name() : key;
    }

    public String section() {
        return section;
    }

    public String key() {
        return key;
    }

    public String env() {
        return env;
    }

    public Type type() {
        return type;
    }
}
