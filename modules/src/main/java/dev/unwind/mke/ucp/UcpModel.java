package dev.unwind.mke.ucp;

import java.util.List;
import java.util.Map;

/** The values the UCP API returns, as far as the upgrade needs them. */
public final class UcpModel {
    private UcpModel() {
    }

    /** A user or an organization ({@code GET /accounts}). */
    public record Account(String id, String name, String fullName, boolean isOrg, boolean isAdmin, boolean isActive) {
    }

    /** A team of an organization. */
    public record Team(String org, String id, String name, String description) {
    }

    /** A member of a team. */
    public record Member(String id, String name, boolean isAdmin) {
    }

    /**
     * A role: {@code operations} maps a resource kind to the operations allowed ({@code {"Container": {"Container View": []}}}).
     */
    public record Role(String id, String name, boolean systemRole, Map<String, Object> operations) {
    }

    /** Subject (user, team or org id) gets role on object (a collection path or {@code kubernetesnamespaces/NS}). */
    public record Grant(String subjectID, String objectID, String roleID) {
    }

    /** A team and its members. */
    public record TeamMembers(Team team, List<Member> members) {
        public TeamMembers {
            members = List.copyOf(members);
        }
    }

    /**
     * Everything read from one cluster.
     *
     * @param ldap the eNZi LDAP settings (may hold the bind password: keep out of logs)
     */
    public record Snapshot(String configToml, List<Account> users, List<Account> orgs, List<TeamMembers> teams,
                           List<Role> roles, List<Grant> grants, Map<String, Object> ldap) {
        public Snapshot {
            users = List.copyOf(users);
            orgs = List.copyOf(orgs);
            teams = List.copyOf(teams);
            roles = List.copyOf(roles);
            grants = List.copyOf(grants);
        }

        @Override
        public String toString() {
            return "Snapshot[" + users.size() + " users, " + orgs.size() + " orgs, " + teams.size() + " teams, "
                    + roles.size() + " roles, " + grants.size() + " grants]";
        }
    }
}
