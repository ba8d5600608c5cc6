package dev.unwind.module.accounts;

/** The four account databases; every line of each is keyed by its first field, a user or group name. */
public enum AccountFile {
    PASSWD("/etc/passwd"), SHADOW("/etc/shadow"), GROUP("/etc/group"), GSHADOW("/etc/gshadow");

    private final String path;

    AccountFile(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public String label() {
        return name().toLowerCase();
    }

    public static AccountFile ofLabel(String label) {
        return valueOf(label.toUpperCase());
    }

    /** True for the files that name users (passwd, shadow), false for those naming groups. */
    public boolean ofUsers() {
        return this == PASSWD || this == SHADOW;
    }
}
