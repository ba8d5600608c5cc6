package dev.unwind.module;

/**
 * What a path is on a host. {@code mode} is the permission bits in octal text ("644", "2755" with special bits);
 * {@code owner}/{@code group} are names as the host shows them, {@code uid}/{@code gid} the numbers (what an undo
 * restores: an id without a name has no name to restore); {@code linkTarget} is the exact target, spaces and all.
 */
public record FileStat(boolean exists, Kind kind, String mode, String owner, String group, long size, String linkTarget,
                       String uid, String gid) {

    public enum Kind { FILE, DIRECTORY, LINK, OTHER, ABSENT }

    public static final FileStat ABSENT = new FileStat(false, Kind.ABSENT, null, null, null, 0, null, null, null);

    /** Without numeric ids (a prediction). */
    public FileStat(boolean exists, Kind kind, String mode, String owner, String group, long size, String linkTarget) {
        this(exists, kind, mode, owner, group, size, linkTarget, null, null);
    }

    public boolean isFile() {
        return kind == Kind.FILE;
    }

    public boolean isDirectory() {
        return kind == Kind.DIRECTORY;
    }

    public boolean isLink() {
        return kind == Kind.LINK;
    }
}
