package dev.unwind.module;

/**
 * What a path is on a host. {@code mode} is the permission bits in octal text ("644").
 */
public record FileStat(boolean exists, Kind kind, String mode, String owner, String group, long size, String linkTarget) {

    public enum Kind { FILE, DIRECTORY, LINK, OTHER, ABSENT }

    public static final FileStat ABSENT = new FileStat(false, Kind.ABSENT, null, null, null, 0, null);

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
