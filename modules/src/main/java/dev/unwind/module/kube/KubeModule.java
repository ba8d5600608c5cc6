package dev.unwind.module.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Diff;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleCall;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.Undo;
import dev.unwind.module.UndoKind;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kube}: makes Kubernetes objects present (created, or replaced whole when they differ from the manifest)
 * or absent. Its undo, per object and in reverse order, deletes what it created and puts back, exactly, what
 * it replaced or deleted (kept in the run's backups and named by {@code restore}).
 */
public final class KubeModule implements Module {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ModuleSpec SPEC = ModuleSpec.of("kube",
                    "Creates, replaces or deletes Kubernetes objects from the controller. Its undo deletes what it created and "
                            + "puts back what it replaced or deleted.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.optional("state", ArgType.STR, "present", "present or absent").choices("present", "absent"),
                    ArgSpec.optional("definition", ArgType.RAW, null, "a manifest, a list of them, or YAML text (--- between documents)")
                            .aliases("resource_definition"),
                    ArgSpec.optional("src", ArgType.STR, null, "a FreeMarker template (found as template: src= is) rendering to manifests")
                            .aliases("template"),
                    ArgSpec.optional("namespace", ArgType.STR, "default", "namespace of namespaced objects whose manifest names none"),
                    ArgSpec.optional("restore", ArgType.STR, null, "a backup reference: put back this saved object exactly (kube's own undo)"),
                    KubeAccess.KUBECONFIG, KubeAccess.CONTEXT)
            .returns(Map.of("resources", "the objects after the task (as the server answered; in check mode, as wanted)",
                    "actions", "what was done per object, e.g. 'created v1 ConfigMap default/web'"))
            .checkMode("predicts exactly: reads each object and compares; a present object satisfies the manifest when every field "
                    + "the manifest sets has that value");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    /** What to do to one object, decided from what the cluster holds now. */
    private record Step(String action, ObjectRef ref, Map<String, Object> wanted, Map<String, Object> before, String resourceVersion) {
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) {
        boolean present = args.str("state").equals("present");
        List<Map<String, Object>> manifests;
        boolean exact = args.has("restore");
        try {
            manifests = manifests(args, ctx);
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            return Outcome.failed(e.getMessage());
        }
        try (Cluster cluster = KubeAccess.connect(args, ctx)) {
            List<Step> steps = new ArrayList<>();
            for (Map<String, Object> m : manifests) {
                steps.add(decide(cluster, m, present, exact, args.str("namespace")));
            }
            List<Step> changes = steps.stream().filter(s -> !s.action().equals("none")).toList();
            if (changes.isEmpty()) {
                List<Map<String, Object>> now = new ArrayList<>();
                steps.stream().filter(s -> s.before() != null).forEach(s -> now.add(s.before()));
                return Outcome.ok(steps.size() + " object(s) " + (present ? "present as wanted" : "absent"),
                        Map.of("resources", now, "actions", List.of()));
            }
            Undo undo = undo(changes, args, ctx);
            if (!ctx.check()) {
                ctx.beforeChange(undo);
            }
            List<Map<String, Object>> after = new ArrayList<>();
            List<String> actions = new ArrayList<>();
            for (Step s : changes) {
                actions.add(s.action() + " " + s.ref());
                if (!ctx.check()) {
                    apply(cluster, s).ifPresent(after::add);
                } else if (s.wanted() != null) {
                    after.add(s.wanted());
                }
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("resources", after);
            r.put("actions", actions);
            return Outcome.changed(String.join("; ", actions), r, ctx.diff() ? diff(changes) : null, undo);
        } catch (KubernetesClientException e) {
            return Outcome.failed("kube: " + KubeErrors.describe(e));
        } catch (IOException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    private List<Map<String, Object>> manifests(Args args, ModuleContext ctx) throws IOException {
        int given = (args.has("definition") ? 1 : 0) + (args.has("src") ? 1 : 0) + (args.has("restore") ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("kube needs exactly one of definition, src and restore");
        }
        if (args.has("restore")) {
            byte[] saved = ctx.backups().load(args.str("restore"));
            @SuppressWarnings("unchecked")
            Map<String, Object> m = JSON.readValue(saved, Map.class);
            return List.of(m);
        }
        if (args.has("src")) {
            return Manifests.read(ctx.renderTemplate(args.str("src"), Map.of()), args.str("src"));
        }
        return Manifests.read(args.raw("definition"), "definition");
    }

    @SuppressWarnings("unchecked")
    private static Step decide(Cluster cluster, Map<String, Object> manifest, boolean present, boolean exact, String namespace) {
        ObjectRef ref = ObjectRef.of(manifest);
        if (ref.namespace() == null && cluster.namespaced(ref.apiVersion(), ref.kind())) {
            ref = ref.inNamespace(namespace);
            ((Map<String, Object>) manifest.get("metadata")).put("namespace", namespace);
        }
        Optional<Map<String, Object>> now = cluster.read(ref);
        boolean terminating = now.map(o -> o.get("metadata") instanceof Map<?, ?> md && md.get("deletionTimestamp") != null).orElse(false);
        Map<String, Object> before = now.map(Manifests::trimmed).orElse(null);
        if (!present) {
            return new Step(now.isPresent() && !terminating ? "deleted" : "none", ref, null, before, null);
        }
        if (now.isEmpty()) {
            return new Step("created", ref, manifest, null, null);
        }
        if (terminating) {
            throw new IllegalStateException(ref + " is being deleted; wait for it to be gone before creating it again");
        }
        boolean same = exact ? before.equals(Manifests.trimmed(manifest)) : Manifests.satisfies(now.get(), manifest);
        String version = String.valueOf(((Map<String, Object>) now.get().get("metadata")).get("resourceVersion"));
        return new Step(same ? "none" : "replaced", ref, same ? null : manifest, before, version);
    }

    private static Optional<Map<String, Object>> apply(Cluster cluster, Step s) {
        return switch (s.action()) {
            case "created" -> Optional.of(cluster.create(s.wanted()));
            case "replaced" -> Optional.of(cluster.replace(s.wanted(), s.resourceVersion()));
            default -> {
                cluster.delete(s.ref());
                yield Optional.empty();
            }
        };
    }

    /** Per changed object, in reverse: delete what was created; put back exactly what was replaced or deleted. */
    private static Undo undo(List<Step> changes, Args args, ModuleContext ctx) throws IOException {
        Map<String, Object> access = KubeAccess.forUndo(args, ctx);
        List<ModuleCall> calls = new ArrayList<>();
        for (Step s : changes) {
            Map<String, Object> a = new LinkedHashMap<>(access);
            if (s.action().equals("created")) {
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("name", s.ref().name());
                if (s.ref().namespace() != null) {
                    meta.put("namespace", s.ref().namespace());
                }
                a.put("state", "absent");
                a.put("definition", Map.of("apiVersion", s.ref().apiVersion(), "kind", s.ref().kind(), "metadata", meta));
            } else {
                a.put("state", "present");
                a.put("restore", ctx.backups().save(ctx.connection().host(), json(s.before())));
            }
            calls.add(0, ModuleCall.of("kube", a));
        }
        return new Undo.Calls(calls);
    }

    private static byte[] json(Map<String, Object> object) {
        try {
            return JSON.writeValueAsString(object).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot save " + ObjectRef.of(object) + ": " + e.getOriginalMessage());
        }
    }

    private static Diff diff(List<Step> changes) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Yaml yaml = new Yaml(o);
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (Step s : changes) {
            String head = "# " + s.ref() + "\n";
            before.append(head).append(s.before() == null ? "" : yaml.dump(s.before()));
            after.append(head).append(s.wanted() == null ? "" : yaml.dump(s.wanted()));
        }
        return new Diff("kube", before.toString(), after.toString());
    }
}
