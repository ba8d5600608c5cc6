package dev.unwind.module.kube;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.UndoKind;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code kube_wait}: polls until the selected objects exist (at least {@code min_count} of them) and all have a
 * condition — e.g. every Node Ready — or until they are gone. Polling, not watching: it behaves the same on
 * every API server and survives the server restarting under it.
 */
public final class KubeWaitModule implements Module {
    private static final ModuleSpec SPEC = declare();

    private static ModuleSpec declare() {
        var args = new ArrayList<>(Selection.ARGS);
        args.add(ArgSpec.optional("condition", ArgType.DICT, null, "status.conditions entry to wait for: type, status (default \"True\"), reason"));
        args.add(ArgSpec.optional("state", ArgType.STR, "present", "present: exist (with the condition); absent: gone").choices("present", "absent"));
        args.add(ArgSpec.optional("min_count", ArgType.INT, 1, "without name: how many objects must match at least"));
        args.add(ArgSpec.optional("timeout", ArgType.INT, 120, "seconds before failing").aliases("wait_timeout"));
        args.add(ArgSpec.optional("sleep", ArgType.INT, 2, "seconds between polls").aliases("wait_sleep"));
        args.add(KubeAccess.KUBECONFIG);
        args.add(KubeAccess.CONTEXT);
        return new ModuleSpec("kube_wait", "Waits until Kubernetes objects have a condition (e.g. all nodes Ready), or are gone.",
                args, UndoKind.READ_ONLY, null,
                Map.of("resources", "the objects when the wait ended", "elapsed", "seconds waited"),
                "skipped: what it waits for may come from tasks that check mode does not run", false);
    }

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        if (ctx.check()) {
            return Outcome.skipped("skipped in check mode");
        }
        Selection sel = Selection.of(args);
        Map<String, Object> condition = args.dict("condition");
        if (!condition.isEmpty() && condition.get("type") == null) {
            return Outcome.failed("condition needs type, e.g. {type: Ready, status: \"True\"}");
        }
        boolean present = args.str("state").equals("present");
        long minCount = sel.name() != null ? 1 : args.integer("min_count");
        long start = System.nanoTime();
        long deadline = start + args.integer("timeout") * 1_000_000_000L;
        try (Cluster cluster = KubeAccess.connect(args, ctx)) {
            String lastError = null;
            List<Map<String, Object>> found = List.of();
            while (true) {
                try {
                    found = sel.find(cluster);
                    lastError = null;
                    boolean holds = present
                            ? found.size() >= minCount && found.stream().allMatch(o -> hasCondition(o, condition))
                            : found.isEmpty();
                    if (holds) {
                        Map<String, Object> r = new LinkedHashMap<>();
                        r.put("resources", found);
                        r.put("elapsed", (System.nanoTime() - start) / 1_000_000_000L);
                        return Outcome.ok(what(sel, condition, present) + " after " + r.get("elapsed") + " s", r);
                    }
                } catch (KubernetesClientException e) {
                    lastError = KubeErrors.describe(e); // an API server restarting is part of what one waits through
                }
                if (System.nanoTime() >= deadline) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("resources", found);
                    r.put("elapsed", (System.nanoTime() - start) / 1_000_000_000L);
                    return Outcome.failed("timed out after " + args.integer("timeout") + " s waiting for " + what(sel, condition, present)
                            + " (" + (lastError != null ? "last error: " + lastError : pending(found, condition, minCount)) + ")", r);
                }
                Thread.sleep(Math.min(args.integer("sleep") * 1000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            }
        } catch (IOException e) {
            return Outcome.failed(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException(ctx.connection().host(), "interrupted while waiting", e);
        }
    }

    private static String what(Selection sel, Map<String, Object> condition, boolean present) {
        if (!present) {
            return sel.describe() + " gone";
        }
        return sel.describe() + (condition.isEmpty() ? " present" : " " + condition.get("type") + "=" + condition.getOrDefault("status", "True"));
    }

    private static String pending(List<Map<String, Object>> found, Map<String, Object> condition, long minCount) {
        List<String> not = found.stream().filter(o -> !hasCondition(o, condition)).map(o -> ObjectRef.of(o).name()).toList();
        return found.size() + " found (at least " + minCount + " wanted)" + (not.isEmpty() ? "" : ", not yet: " + String.join(", ", not));
    }

    static boolean hasCondition(Map<String, Object> object, Map<String, Object> condition) {
        if (condition.isEmpty()) {
            return true;
        }
        if (!(object.get("status") instanceof Map<?, ?> status) || !(status.get("conditions") instanceof List<?> conditions)) {
            return false;
        }
        String wantedStatus = String.valueOf(condition.getOrDefault("status", "True"));
        for (Object c : conditions) {
            if (c instanceof Map<?, ?> m && Objects.equals(String.valueOf(m.get("type")), String.valueOf(condition.get("type")))
                    && wantedStatus.equals(String.valueOf(m.get("status")))
                    && (condition.get("reason") == null || String.valueOf(condition.get("reason")).equals(String.valueOf(m.get("reason"))))) {
                return true;
            }
        }
        return false;
    }
}
