package dev.unwind.module.mke;

import dev.unwind.mke.kube.Change;
import dev.unwind.mke.kube.ObjectApplier;
import dev.unwind.mke.rbac.Mke3Authorization;
import dev.unwind.mke.rbac.RbacTranslation;
import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.UndoKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mke_rbac}: MKE 3 organizations, teams, roles and grants become ClusterRoles (aggregated per
 * organization and team) and bindings in the new cluster. Undo: deletes what it created.
 */
public final class MkeRbacModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("mke_rbac",
                    "Translate MKE 3 organizations, teams, roles and grants into Kubernetes RBAC.",
                    UndoKind.AUTOMATIC,
                    ArgSpec.optional("facts", ArgType.DICT, null, "mke3_facts' result (users, orgs, teams, roles, grants)"),
                    ClusterChanges.KUBECONFIG,
                    ClusterChanges.STATE,
                    ClusterChanges.CHANGES)
            .returns(Map.of("orgs_found", "organizations in MKE 3", "teams_found", "teams in MKE 3",
                    "not_carried", "grants not carried over, with why", "changes", "what was created"));

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) {
        return ClusterChanges.presentOrTakeBack(args, ctx, "RBAC objects", (cluster, applier) -> present(args, ctx, applier));
    }

    private static Outcome present(Args args, ModuleContext ctx, ObjectApplier applier) {
        RbacTranslation.Plan plan = new RbacTranslation().translate(authorization(args.dict("facts")));
        List<Change> changes = ClusterChanges.apply(applier, plan.objects(), ctx, "mke_rbac", args.str("kubeconfig"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("orgs_found", plan.orgs());
        result.put("teams_found", plan.teams());
        result.put("not_carried", plan.notCarried());
        result.put("changes", ClusterChanges.refs(changes));
        long created = ClusterChanges.count(changes, Change.Created.class);
        if (created == 0) {
            return Outcome.ok("all " + plan.objects().size() + " RBAC objects are in place", result);
        }
        return Outcome.changed(created + " RBAC objects " + (ctx.check() ? "would be created" : "created"), result, null,
                ClusterChanges.undo("mke_rbac", args.str("kubeconfig"), changes));
    }

    static Mke3Authorization authorization(Map<String, Object> facts) {
        List<Mke3Authorization.User> users = new ArrayList<>();
        for (Map<?, ?> u : maps(facts.get("users"))) {
            users.add(new Mke3Authorization.User(str(u, "id"), str(u, "name")));
        }
        List<Mke3Authorization.Org> orgs = new ArrayList<>();
        for (Map<?, ?> o : maps(facts.get("orgs"))) {
            orgs.add(new Mke3Authorization.Org(str(o, "id"), str(o, "name")));
        }
        List<Mke3Authorization.Team> teams = new ArrayList<>();
        for (Map<?, ?> t : maps(facts.get("teams"))) {
            List<String> members = t.get("members") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
            teams.add(new Mke3Authorization.Team(str(t, "id"), str(t, "org"), str(t, "name"), members));
        }
        List<Mke3Authorization.Role> roles = new ArrayList<>();
        for (Map<?, ?> r : maps(facts.get("roles"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> ops = r.get("operations") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            roles.add(new Mke3Authorization.Role(str(r, "id"), str(r, "name"), Boolean.TRUE.equals(r.get("system_role")), ops));
        }
        List<Mke3Authorization.Grant> grants = new ArrayList<>();
        for (Map<?, ?> g : maps(facts.get("grants"))) {
            grants.add(new Mke3Authorization.Grant(str(g, "subject_id"), str(g, "object_id"), str(g, "role_id")));
        }
        return new Mke3Authorization(users, orgs, teams, roles, grants);
    }

    private static List<Map<?, ?>> maps(Object raw) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (raw instanceof List<?> l) {
            l.forEach(o -> out.add((Map<?, ?>) o));
        }
        return out;
    }

    private static String str(Map<?, ?> m, String k) {
        Object v = m.get(k);
        return v == null ? "" : String.valueOf(v);
    }
}
