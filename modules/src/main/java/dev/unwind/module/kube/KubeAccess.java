package dev.unwind.module.kube;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.ModuleContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The arguments every kube module takes to reach a cluster, and the connection they make. */
final class KubeAccess {
    static final ArgSpec KUBECONFIG = ArgSpec.optional("kubeconfig", ArgType.STR, null,
            "kubeconfig file on the controller (default: $KUBECONFIG or ~/.kube/config)");
    static final ArgSpec CONTEXT = ArgSpec.optional("context", ArgType.STR, null, "kubeconfig context (default: its current one)");

    private KubeAccess() {
    }

    /** The kubeconfig as an absolute controller path, or null for the default. */
    static Path kubeconfig(Args args, ModuleContext ctx) throws IOException {
        if (!args.has("kubeconfig")) {
            return null;
        }
        Path p = ctx.localFile(args.str("kubeconfig")).toAbsolutePath();
        if (!Files.isRegularFile(p)) {
            throw new IOException("kubeconfig " + p + " is not a file on the controller");
        }
        return p;
    }

    static Cluster connect(Args args, ModuleContext ctx) throws IOException {
        return Fabric8Cluster.connect(kubeconfig(args, ctx), args.str("context"));
    }

    /** kubeconfig and context for an undo call, so it reaches the same cluster. */
    static Map<String, Object> forUndo(Args args, ModuleContext ctx) throws IOException {
        Map<String, Object> a = new LinkedHashMap<>();
        Path k = kubeconfig(args, ctx);
        if (k != null) {
            a.put("kubeconfig", k.toString());
        }
        if (args.has("context")) {
            a.put("context", args.str("context"));
        }
        return a;
    }
}
