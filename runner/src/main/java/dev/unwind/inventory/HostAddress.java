package dev.unwind.inventory;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's {@code parse_address}: splits {@code host:port}, {@code [v6]:port} and checks that what
 * is left looks like an IPv4/IPv6 address or a host name (ranges allowed when asked).
 */
public record HostAddress(String host, Integer port) {
    private static final String NUMERIC_RANGE = "\\[(?:[0-9]+:[0-9]+)(?::[0-9]+)?\\]";
    private static final String HEX_RANGE = "\\[(?:[0-9a-f]+:[0-9a-f]+)(?::[0-9]+)?\\]";
    private static final String ALNUM_RANGE = "\\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\\]";
    private static final String V6 = "(?:[0-9a-f]{1,4}|" + HEX_RANGE + ")";
    private static final String V4 = "(?:[01]?[0-9]{1,2}|2[0-4][0-9]|25[0-5]|" + NUMERIC_RANGE + ")";
    private static final String LABEL = "(?:[\\w]|" + ALNUM_RANGE + ")(?:[\\w_-]|" + ALNUM_RANGE + ")*(?<![_-])";

    private static final Pattern BRACKETED_HOSTPORT = Pattern.compile("^\\[(.+)\\]:([0-9]+)$");
    private static final Pattern HOSTPORT = Pattern.compile("^((?:[^:\\[\\]]|\\[[^\\]]*\\])*):([0-9]+)$");
    static final Pattern IPV4 = Pattern.compile("^(?:" + V4 + "\\.){3}" + V4 + "$", Pattern.CASE_INSENSITIVE);
    static final Pattern IPV6 = Pattern.compile("^(?:"
            + "(?:" + V6 + ":){7}" + V6 + "|"
            + "(?:" + V6 + ":){1,6}:|"
            + "(?:" + V6 + ":)(?::" + V6 + "){1,6}|"
            + "(?:" + V6 + ":){2}(?::" + V6 + "){1,5}|"
            + "(?:" + V6 + ":){3}(?::" + V6 + "){1,4}|"
            + "(?:" + V6 + ":){4}(?::" + V6 + "){1,3}|"
            + "(?:" + V6 + ":){5}(?::" + V6 + "){1,2}|"
            + "(?:" + V6 + ":){6}(?::" + V6 + ")|"
            + ":(?::" + V6 + "){1,6}|"
            + V6 + "?::|"
            + "(?:0:){6}(?:" + V6 + "\\.){3}" + V6 + "|"
            + "::(?:ffff:)?(?:" + V6 + "\\.){3}" + V6 + "|"
            + "(?:0:){5}ffff:(?:" + V6 + "\\.){3}" + V6
            + ")$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOSTNAME = Pattern.compile("^" + LABEL + "(?:\\." + LABEL + ")*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNICODE_CASE);

    /** Parses an address; throws {@link IllegalArgumentException} with Ansible's message when it is not one. */
    public static HostAddress parse(String address, boolean allowRanges) {
        Integer port = null;
        for (Pattern p : new Pattern[] {BRACKETED_HOSTPORT, HOSTPORT}) {
            Matcher m = p.matcher(address);
            if (m.matches()) {
                address = m.group(1);
                port = parsePort(m.group(2));
            }
        }
        boolean ok = IPV4.matcher(address).matches() || IPV6.matcher(address).matches()
                || HOSTNAME.matcher(address).matches();
        if (!ok) {
            throw new IllegalArgumentException("Not a valid network hostname: " + address);
        }
        if (!allowRanges && address.contains("[")) {
            throw new IllegalArgumentException("Detected range in host but was asked to ignore ranges");
        }
        return new HostAddress(address, port);
    }

    private static Integer parsePort(String digits) {
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port out of range: " + digits);
        }
    }

    /** True for an IPv4 or IPv6 literal (Ansible then keeps the whole name as inventory_hostname_short). */
    public static boolean isIpLiteral(String name) {
        return IPV4.matcher(name).matches() || IPV6.matcher(name).matches();
    }
}
