package dev.unwind.module.fetching;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One HTTP(S) download made by the host itself with its {@code curl} (or {@code wget}): the bytes go from the server
 * to the host's disk, never through the controller. In check mode the body is streamed through {@code sha256sum}
 * and dropped, so the prediction knows exactly what a real download would bring, and nothing is written.
 */
record Download(String url, Map<String, Object> headers, long timeoutSeconds, boolean validateCerts) {

    /** What came: the temporary file beside the destination (null in check mode), status, size and digests. */
    record Fetched(String tmp, int status, long size, String sha256, String sha1) {
    }

    private static final int NO_TOOL = 98;

    /** Downloads into a new temporary file beside {@code dest}; fails (the temporary file gone) on an HTTP error. */
    Fetched toHost(Connection c, String dest) throws ConnectionException {
        String q = Shell.quote(url);
        String script = "t=$(mktemp " + Shell.quote(dest + ".unwind.XXXXXX") + ") || exit 90\n"
                + "if command -v curl >/dev/null 2>&1; then code=$(curl " + curlOptions() + " -o \"$t\" -w '%{http_code}' -- " + q + "); rc=$?\n"
                + "elif command -v wget >/dev/null 2>&1; then code=; wget " + wgetOptions() + " -O \"$t\" -- " + q + "; rc=$?\n"
                + "else rm -f \"$t\"; exit " + NO_TOOL + "; fi\n"
                + "if [ $rc -ne 0 ] || { [ -n \"$code\" ] && [ \"$code\" -ge 400 ]; }; then rm -f \"$t\"; echo \"$code\"; exit 91; fi\n"
                + "printf '%s\\n%s\\n' \"$t\" \"${code:-200}\"; stat -c %s -- \"$t\"; sha256sum -- \"$t\"; sha1sum -- \"$t\"";
        ExecResult r = c.exec(Command.of(script));
        fail(c, r);
        String[] lines = r.stdout().split("\n");
        return new Fetched(lines[0], Integer.parseInt(lines[1].strip()), Long.parseLong(lines[2].strip()),
                lines[3].split(" ")[0], lines[4].split(" ")[0]);
    }

    /** Streams the body through a digest on the host: what {@link #toHost} would bring, without writing it. */
    Fetched measured(Connection c) throws ConnectionException {
        String q = Shell.quote(url);
        // curl's own messages and its write-out go to the script's stdout (fd 3); the body alone goes to sha256sum
        String script = "command -v curl >/dev/null 2>&1 || exit " + NO_TOOL + "\n"
                + "exec 3>&1; { curl " + curlOptions() + " -w '%{stderr}%{http_code} %{size_download}\\n' -- " + q
                + " 2>&3; echo \"rc=$?\" >&3; } | sha256sum";
        ExecResult r = c.exec(Command.of(script));
        if (r.exitCode() == NO_TOOL) {
            throw new IllegalStateException("check mode needs curl on " + c.host() + " to predict a download of " + url);
        }
        String code = null;
        String size = null;
        String rc = null;
        String sha = null;
        StringBuilder said = new StringBuilder();
        for (String line : r.stdout().split("\n")) {
            if (line.startsWith("rc=")) {
                rc = line.substring(3).strip();
            } else if (line.matches("[0-9a-f]{64}\\s.*")) {
                sha = line.substring(0, 64);
            } else if (line.matches("\\d{3} \\d+")) {
                code = line.split(" ")[0];
                size = line.split(" ")[1];
            } else {
                said.append(line).append('\n');
            }
        }
        if (rc == null || sha == null || code == null) {
            throw new IllegalStateException("cannot measure " + url + " on " + c.host() + ": " + r.stderr().strip() + r.stdout().strip());
        }
        if (!rc.equals("0") || Integer.parseInt(code) >= 400) {
            throw new IllegalStateException(failure(code, said.toString()));
        }
        return new Fetched(null, Integer.parseInt(code), Long.parseLong(size), sha, null);
    }

    private void fail(Connection c, ExecResult r) {
        if (r.exitCode() == NO_TOOL) {
            throw new IllegalStateException(c.host() + " has neither curl nor wget to download " + url);
        }
        if (r.exitCode() == 91) {
            throw new IllegalStateException(failure(r.stdout().strip(), r.stderr()));
        }
        if (!r.ok()) {
            throw new IllegalStateException("cannot download " + url + " on " + c.host() + ": " + r.stderr().strip());
        }
    }

    private String failure(String code, String stderr) {
        return code != null && !code.isEmpty() && !code.equals("000")
                ? "Request failed: HTTP Error " + code + " (" + url + ")"
                : "Request failed: " + stderr.strip() + " (" + url + ")";
    }

    private String curlOptions() {
        List<String> o = new ArrayList<>(List.of("-sS", "-L", "--connect-timeout", String.valueOf(timeoutSeconds),
                // a stalled transfer (under 1 byte/s for the timeout) fails, as Ansible's socket timeout does
                "-y", String.valueOf(timeoutSeconds), "-Y", "1"));
        if (!validateCerts) {
            o.add("-k");
        }
        headers.forEach((k, v) -> {
            o.add("-H");
            o.add(k + ": " + v);
        });
        return Shell.join(o);
    }

    private String wgetOptions() {
        List<String> o = new ArrayList<>(List.of("-q", "-T", String.valueOf(timeoutSeconds)));
        if (!validateCerts) {
            o.add("--no-check-certificate");
        }
        headers.forEach((k, v) -> o.add("--header=" + k + ": " + v));
        return Shell.join(o);
    }
}
