package dev.unwind.mke.ucp;

/** The MKE 3 admin's login. {@link #toString()} never shows the password. */
public record UcpCredentials(String username, String password) {
    @Override
    public String toString() {
        return "UcpCredentials[username=" + username + ", password=********]";
    }
}
