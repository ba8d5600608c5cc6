package dev.unwind.module.vcs;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Shell;

import java.util.ArrayList;
import java.util.List;

/** The host's git, run in one checkout (or with none, for ls-remote and clone). */
record Git(Connection c, String dir) {

    /** Runs {@code git [-C dir] ARGS}; the result, whatever it is. */
    ExecResult run(String... args) throws ConnectionException {
        // no optional locks: a look (status) must not rewrite the index's stat cache, a change the undo would not know
        List<String> argv = new ArrayList<>(List.of("git", "--no-optional-locks"));
        if (dir != null) {
            argv.addAll(List.of("-C", dir));
        }
        argv.addAll(List.of(args));
        // no prompt for credentials ever: a run must not hang on a question nobody sees
        return c.exec(Command.of("GIT_TERMINAL_PROMPT=0 " + Shell.join(argv)));
    }

    /** Runs it and returns its stdout, stripped; fails with git's own error. */
    String must(String... args) throws ConnectionException {
        ExecResult r = run(args);
        if (!r.ok()) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed on " + c.host() + ": " + r.stderr().strip());
        }
        return r.stdout().strip();
    }

    /** The commit HEAD is on, or null when there is none. */
    String head() throws ConnectionException {
        ExecResult r = run("rev-parse", "--verify", "-q", "HEAD");
        return r.ok() ? r.stdout().strip() : null;
    }

    /** What HEAD names: "ref: refs/heads/main" on a branch, else the commit. */
    String symbolicHead() throws ConnectionException {
        ExecResult r = run("symbolic-ref", "-q", "HEAD");
        return r.ok() ? "ref: " + r.stdout().strip() : head();
    }

    /** Tracked files changed in the work tree or index (untracked files are not modifications, as for Ansible). */
    boolean dirty() throws ConnectionException {
        return !must("status", "--porcelain", "--untracked-files=no").isEmpty();
    }

    /**
     * What {@code version} is on the remote: the commit, and whether it is a branch (checked out as a local branch) or
     * a tag or commit (checked out detached). Null when the remote has no such name.
     */
    record Target(String sha, String branch) {
    }

    static Target resolve(Git git, String repo, String version) throws ConnectionException {
        if (version.matches("[0-9a-fA-F]{40}")) {
            return new Target(version.toLowerCase(), null);
        }
        String out = git.must("ls-remote", "--", repo);
        String head = null;
        String tag = null;
        String peeled = null;
        String branch = null;
        for (String line : out.split("\n")) {
            String[] f = line.split("\t");
            if (f.length < 2) {
                continue;
            }
            switch (f[1]) {
                case "HEAD" -> head = f[0];
                default -> {
                    if (f[1].equals("refs/heads/" + version)) {
                        branch = f[0];
                    } else if (f[1].equals("refs/tags/" + version)) {
                        tag = f[0];
                    } else if (f[1].equals("refs/tags/" + version + "^{}")) {
                        peeled = f[0];
                    }
                }
            }
        }
        if (version.equals("HEAD")) {
            return head == null ? null : new Target(head, defaultBranch(git, repo, head, out));
        }
        if (branch != null) {
            return new Target(branch, version);
        }
        if (tag != null) {
            return new Target(peeled != null ? peeled : tag, null);
        }
        return null;
    }

    /** The branch the remote's HEAD names (what a clone checks out). */
    private static String defaultBranch(Git git, String repo, String head, String listing) throws ConnectionException {
        ExecResult r = git.run("ls-remote", "--symref", "--", repo, "HEAD");
        for (String line : r.stdout().split("\n")) {
            if (line.startsWith("ref: refs/heads/")) {
                return line.substring("ref: refs/heads/".length()).split("\t")[0];
            }
        }
        for (String line : listing.split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 2 && f[0].equals(head) && f[1].startsWith("refs/heads/")) {
                return f[1].substring("refs/heads/".length());
            }
        }
        return null;
    }
}
