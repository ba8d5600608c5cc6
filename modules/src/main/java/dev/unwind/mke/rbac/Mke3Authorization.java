package dev.unwind.mke.rbac;

import java.util.List;
import java.util.Map;

/** MKE 3's accounts and grants, as the RBAC translation reads them. */
public record Mke3Authorization(List<User> users, List<Org> orgs, List<Team> teams, List<Role> roles, List<Grant> grants) {

    public Mke3Authorization {
        users = List.copyOf(users);
        orgs = List.copyOf(orgs);
        teams = List.copyOf(teams);
        roles = List.copyOf(roles);
        grants = List.copyOf(grants);
    }

    public record User(String id, String name) {
    }

    public record Org(String id, String name) {
    }

    /** @param members user names */
    public record Team(String id, String org, String name, List<String> members) {
        public Team {
            members = List.copyOf(members);
        }
    }

    public record Role(String id, String name, boolean systemRole, Map<String, Object> operations) {
    }

    public record Grant(String subjectId, String objectId, String roleId) {
    }
}
