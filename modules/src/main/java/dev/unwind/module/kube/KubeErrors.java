package dev.unwind.module.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** What went wrong talking to a cluster, in one line: fabric8's own message names the operation, the cause says why. */
final class KubeErrors {
    private KubeErrors() {
    }

    static String describe(KubernetesClientException e) {
        StringBuilder out = new StringBuilder(e.getMessage() == null ? "request failed" : e.getMessage().replaceAll("\\s+", " ").strip());
        if (e.getStatus() != null && e.getStatus().getMessage() != null && !out.toString().contains(e.getStatus().getMessage())) {
            out.append(": ").append(e.getStatus().getMessage());
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e) {
            String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            if (!out.toString().contains(why)) {
                out.append(": ").append(why);
            }
        }
        return out.toString();
    }
}
