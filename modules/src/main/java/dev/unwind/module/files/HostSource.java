package dev.unwind.module.files;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ContentDigest;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Shell;

/** A source file on the host ({@code remote_src}): its size and digests, taken there in one command. */
final class HostSource {
    private HostSource() {
    }

    static Payload.HostFile of(Connection c, String src) throws ConnectionException {
        String q = Shell.quote(src);
        ExecResult r = c.exec(Command.of("[ -f " + q + " ] || { [ -d " + q + " ] && exit 4; exit 3; }; stat -L -c %s -- " + q
                + " && sha256sum < " + q + " && sha1sum < " + q));
        if (r.exitCode() == 3) {
            throw new IllegalStateException("Source " + src + " not found");
        }
        if (r.exitCode() == 4) {
            throw new IllegalStateException("src " + src + " is a directory: copy with remote_src copies single files");
        }
        if (!r.ok()) {
            throw new IllegalStateException("cannot read " + src + " on " + c.host() + ": " + r.stderr().strip());
        }
        String[] l = r.stdout().split("\n");
        return new Payload.HostFile(src, Long.parseLong(l[0].strip()), new ContentDigest(l[1].split(" ")[0], l[2].split(" ")[0]));
    }
}
