package dev.unwind.transport.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The host-key decision for one connection attempt, made by us rather than by JSch (whose
 * StrictHostKeyChecking knows no accept-new). JSch runs with StrictHostKeyChecking=yes and asks
 * {@link #check}; the verdict is kept so that a refusal can be explained with host, fingerprint and
 * known_hosts line.
 */
final class HostKeyVerifier implements HostKeyRepository {
    private final KnownHostsFile knownHosts;
    private final HostKeyChecking policy;
    private volatile String refusal;

    HostKeyVerifier(KnownHostsFile knownHosts, HostKeyChecking policy) {
        this.knownHosts = knownHosts;
        this.policy = policy;
    }

    /** Why the last key was refused, or null. */
    String refusal() {
        return refusal;
    }

    @Override
    public int check(String host, byte[] key) {
        if (policy == HostKeyChecking.OFF) {
            return OK;
        }
        PublicKeyBlob presented = new PublicKeyBlob(key);
        String file = String.valueOf(knownHosts.path());
        KnownHostsFile.Verdict verdict = knownHosts.check(host, key);
        if (verdict instanceof KnownHostsFile.Verdict.Known) {
            return OK;
        }
        if (verdict instanceof KnownHostsFile.Verdict.Changed c) {
            refusal = "HOST KEY CHANGED for " + host + ": it now presents " + presented.type() + " "
                    + presented.fingerprint() + " but " + file + ":" + c.entry().line() + " holds "
                    + c.entry().key().fingerprint() + ". This can be a man-in-the-middle attack; if the host was "
                    + "really reinstalled, remove that line (ssh-keygen -R '" + host + "') and connect again";
            return CHANGED;
        }
        if (verdict instanceof KnownHostsFile.Verdict.Revoked r) {
            refusal = "the host key of " + host + " (" + presented.fingerprint() + ") is revoked in " + file + ":"
                    + r.entry().line();
            return CHANGED;
        }
        if (policy == HostKeyChecking.ACCEPT_NEW) {
            try {
                knownHosts.append(host, key);
                return OK;
            } catch (IOException e) {
                refusal = "cannot record the new host key of " + host + " in " + file + ": " + e.getMessage();
                return NOT_INCLUDED;
            }
        }
        refusal = "the host key of " + host + " (" + presented.type() + " " + presented.fingerprint()
                + ") is not in " + file + "; add it (ssh-keyscan) or run with --host-key-checking accept-new";
        return NOT_INCLUDED;
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // we record keys ourselves in check(), under accept-new only
    }

    @Override
    public void remove(String host, String type) {
    }

    @Override
    public void remove(String host, String type, byte[] key) {
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return String.valueOf(knownHosts.path());
    }

    @Override
    public HostKey[] getHostKey() {
        return new HostKey[0];
    }

    /** Known keys of a host: JSch uses them to prefer the key types we can verify. */
    @Override
    public HostKey[] getHostKey(String host, String type) {
        if (host == null) {
            return new HostKey[0];
        }
        List<HostKey> out = new ArrayList<>();
        for (KnownHostsFile.Entry e : knownHosts.entriesFor(host)) {
            if (type == null || type.equals(e.key().type())) {
                try {
                    out.add(new HostKey(host, HostKey.GUESS, e.key().blob()));
                } catch (JSchException unsupportedType) {
                    // a key type JSch cannot use says nothing about this connection
                }
            }
        }
        return out.toArray(new HostKey[0]);
    }
}
