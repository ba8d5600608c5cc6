package dev.unwind.template.jinja;

/** Versions compared as Ansible's {@code version} test does by default (LooseVersion): number runs as numbers, the rest as text. */
final class Versions {
    private Versions() {
    }

    static int compare(String a, String b) {
        String[] x = a.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)|[._-]");
        String[] y = b.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)|[._-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            if (i >= x.length) {
                return -1;
            }
            if (i >= y.length) {
                return 1;
            }
            boolean nx = x[i].matches("\\d+");
            boolean ny = y[i].matches("\\d+");
            int c = nx && ny ? new java.math.BigInteger(x[i]).compareTo(new java.math.BigInteger(y[i]))
                    : nx ? -1 : ny ? 1 : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
