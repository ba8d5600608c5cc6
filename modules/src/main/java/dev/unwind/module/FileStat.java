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

    /** The shell that prints what {@link #parse} reads about the path {@code q} (already quoted). */
    public static String script(String q) {
        // the link target comes last and is read to the end exactly: a target may end in spaces
        return "if [ -e " + q + " ] || [ -L " + q + " ]; then stat -c '%F|%a|%u|%g|%U|%G|%s' -- " + q
                + " && readlink -- " + q + "; exit 0; else echo ABSENT; fi";
    }

    /** What {@link #script} printed. */
    public static FileStat parse(String out) {
        if (out.strip().equals("ABSENT")) {
            return ABSENT;
        }
        int eol = out.indexOf('\n');
        String[] f = (eol < 0 ? out : out.substring(0, eol)).split("\\|", -1);
        Kind kind = switch (f[0]) {
            case "regular file", "regular empty file" -> Kind.FILE;
            case "directory" -> Kind.DIRECTORY;
            case "symbolic link" -> Kind.LINK;
            default -> Kind.OTHER;
        };
        String mode = f[1].length() < 3 ? "0".repeat(3 - f[1].length()) + f[1] : f[1];
        String target = null;
        if (kind == Kind.LINK && eol >= 0) {
            target = out.substring(eol + 1);
            target = target.endsWith("\n") ? target.substring(0, target.length() - 1) : target;
        }
        return new FileStat(true, kind, mode, f[4], f[5], Long.parseLong(f[6]), target, f[2], f[3]);
    }

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
