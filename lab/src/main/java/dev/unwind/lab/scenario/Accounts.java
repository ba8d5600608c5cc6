package dev.unwind.lab.scenario;

import java.util.List;
import java.util.Map;

/**
 * The MKE 3 accounts of a scenario. A null password is made up when the lab starts.
 *
 * @param grants  {@code subject} is a user name, an organization name or {@code org/team}; {@code role} a
 *                built-in role id ({@code viewonly}, {@code restrictedcontrol}, {@code fullcontrol},
 *                {@code scheduler}, {@code none}) or the name of a custom role
 */
public record Accounts(List<User> users, List<Org> orgs, List<CustomRole> roles, List<Grant> grants) {
    public Accounts {
        users = List.copyOf(users);
        orgs = List.copyOf(orgs);
        roles = List.copyOf(roles);
        grants = List.copyOf(grants);
    }

    public record User(String name, String fullName, String password, boolean admin) {
        @Override
        public String toString() {
            return "User[" + name + (admin ? ", admin" : "") + "]";
        }
    }

    public record Team(String name, String description, List<String> members) {
        public Team {
            members = List.copyOf(members);
        }
    }

    public record Org(String name, List<Team> teams) {
        public Org {
            teams = List.copyOf(teams);
        }
    }

    /** {@code operations}: as the UCP API lists them, e.g. {@code {Kubernetes: {"Kubernetes View": []}}}. */
    public record CustomRole(String name, Map<String, Object> operations) {
    }

    public record Grant(String subject, String object, String role) {
    }

    /** The first admin: the account the upgrade logs in with. */
    public User admin() {
        return users.stream().filter(User::admin).findFirst()
                .orElseThrow(() -> new IllegalStateException("a scenario has an admin (checked when it is read)"));
    }
}
