package dev.unwind.module.mke;

import dev.unwind.mke.identity.IdentityTranslation;
import dev.unwind.mke.identity.Mke3User;
import dev.unwind.mke.kube.Change;
import dev.unwind.mke.kube.Desired;
import dev.unwind.mke.kube.ObjectApplier;
import dev.unwind.mke.config.OfflineConversion;
import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.UndoKind;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mke_identity}: MKE 3 local users become Dex Password objects in the new cluster. The admin keeps
 * the MKE 3 password; everyone else gets a random initial password, written to {@code passwords_file}
 * (0600) on the controller. Undo: deletes what it created and puts back the Password it replaced.
 */
public final class MkeIdentityModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("mke_identity",
                    "Carry MKE 3 users into MKE 4k as Dex Password objects.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.optional("facts", ArgType.DICT, null, "mke3_facts' result (its users)"),
                    ClusterChanges.KUBECONFIG,
                    ArgSpec.optional("admin_username", ArgType.STR, "admin", "the MKE 3 admin, who keeps the password"),
                    ArgSpec.optional("admin_password", ArgType.STR, null, "the MKE 3 admin's password").asSecret(),
                    ArgSpec.optional("passwords_file", ArgType.STR, null, "where the other users' initial passwords go (0600)"),
                    ClusterChanges.STATE,
                    ClusterChanges.CHANGES)
            .returns(Map.of("users_found", "users in MKE 3", "users_migrated", "users with a Password in MKE 4k",
                    "not_migrated", "users not carried over, with why", "changes", "what was created or replaced",
                    "passwords_reset", "users given a new initial password (their MKE 3 one is not carried)",
                    "passwords_file", "where their initial passwords were written"));

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) {
        return ClusterChanges.presentOrTakeBack(args, ctx, "identity objects", (cluster, applier) -> present(args, ctx, cluster, applier));
    }

    private static Outcome present(Args args, ModuleContext ctx, KubeClusterObjects cluster, ObjectApplier applier) {
        String password = args.str("admin_password");
        if (password == null || password.isEmpty()) {
            return Outcome.failed("admin_password is needed: the MKE 3 admin keeps that password in MKE 4k");
        }
        ctx.secrets().add(password);
        IdentityTranslation.Plan plan = new IdentityTranslation(new SecureRandom())
                .translate(users(args.dict("facts").get("users")), args.str("admin_username"), password);
        List<Desired> objects = new ArrayList<>();
        for (Desired d : plan.objects()) {
            boolean keep = d.replaceExisting() && cluster.get(d.ref())
                    .map(existing -> IdentityTranslation.passwordMatches(existing, password)).orElse(false);
            objects.add(keep ? new Desired(d.ref(), d.manifest(), false) : d);
        }
        List<Change> changes = ClusterChanges.apply(applier, objects, ctx, "mke_identity", args.str("kubeconfig"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("users_found", plan.usersFound());
        result.put("users_migrated", objects.size());
        result.put("not_migrated", plan.skipped());
        result.put("changes", ClusterChanges.refs(changes));
        long changed = changes.stream().filter(c -> !(c instanceof Change.Unchanged)).count();
        if (changed == 0) {
            return Outcome.ok("all " + objects.size() + " users already have their Password", result);
        }
        // only users whose Password was created now have a new password: the others kept theirs
        Map<String, String> reset = new LinkedHashMap<>();
        for (Change c : changes) {
            if (c instanceof Change.Created) {
                plan.objects().stream().filter(d -> d.ref().equals(c.ref())).findFirst().ifPresent(d -> {
                    String user = String.valueOf(d.manifest().get("username"));
                    String initial = plan.initialPasswords().get(user);
                    if (initial != null) {
                        ctx.secrets().add(initial);
                        reset.put(user, initial);
                    }
                });
            }
        }
        // the summary says so: these users cannot log in with their MKE 3 password
        result.put("passwords_reset", List.copyOf(reset.keySet()));
        if (!ctx.check() && args.has("passwords_file") && !reset.isEmpty()) {
            StringBuilder text = new StringBuilder("# Initial MKE 4k passwords of the users carried over from MKE 3.\n"
                    + "# Hand each to its user and delete this file.\n");
            reset.forEach((user, initial) -> text.append(user).append(": ").append(initial).append('\n'));
            OfflineConversion.writePrivate(ctx.localFile(args.str("passwords_file")), text.toString());
            result.put("passwords_file", args.str("passwords_file"));
        }
        return Outcome.changed(changed + " Dex Password objects " + (ctx.check() ? "would change" : "written"), result, null,
                ClusterChanges.undo("mke_identity", args.str("kubeconfig"), changes));
    }

    static List<Mke3User> users(Object raw) {
        List<Mke3User> out = new ArrayList<>();
        if (raw instanceof List<?> l) {
            for (Object o : l) {
                Map<?, ?> u = (Map<?, ?>) o;
                out.add(new Mke3User(String.valueOf(u.get("id")), String.valueOf(u.get("name")),
                        u.get("full_name") == null ? "" : String.valueOf(u.get("full_name")),
                        Boolean.TRUE.equals(u.get("is_admin")), !Boolean.FALSE.equals(u.get("is_active"))));
            }
        }
        return out;
    }
}
