package dev.unwind.mke.facts;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ss -H -ltnp}: listening TCP ports and the process holding each ("?" when ss may not say). */
public final class Listeners {
    private static final Pattern PROCESS = Pattern.compile("users:\\(\\(\"([^\"]+)\"");

    private Listeners() {
    }

    public static Map<Integer, String> parse(String output) {
        Map<Integer, String> out = new TreeMap<>();
        for (String line : output.split("\n")) {
            String[] cols = line.strip().split("\\s+");
            if (cols.length < 5 || !cols[0].equals("LISTEN")) {
                continue;
            }
            String local = cols[3];
            try {
                int port = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1));
                Matcher m = PROCESS.matcher(line);
                out.putIfAbsent(port, m.find() ? m.group(1) : "?");
            } catch (NumberFormatException e) {
                // a wildcard port ("*") is not a listener we can name
            }
        }
        return out;
    }
}
