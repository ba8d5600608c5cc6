package dev.unwind.module.files;

/**
 * File modes as unwind compares them: octal text without leading zeros padded to three digits, as
 * {@code stat -c %a} prints them ("644", "4755").
 */
public final class Modes {
    private Modes() {
    }

    /**
     * The mode a task asked for. YAML 1.1 loads {@code 0644} as the integer 420, so an integer is the
     * numeric mode (420 is "644"); a string is octal text ("0644", "755"). Null stays null.
     */
    public static String normalize(Object raw) {
        if (raw == null) {
            return null;
        }
        int value;
        if (raw instanceof Number n) {
            value = n.intValue();
        } else {
            String s = String.valueOf(raw).trim();
            if (!s.matches("[0-7]{1,5}")) {
                throw new IllegalArgumentException("mode must be octal like '0644', got '" + s + "'"
                        + " (symbolic modes such as u+x are not supported)");
            }
            value = Integer.parseInt(s, 8);
        }
        if (value < 0 || value > 07777) {
            throw new IllegalArgumentException("mode " + raw + " is out of range: write it quoted in octal, like '0644'");
        }
        return canonical(Integer.toOctalString(value));
    }

    /** A mode as {@code stat %a} prints it, made comparable. */
    public static String canonical(String octal) {
        if (octal == null) {
            return null;
        }
        String s = octal.replaceFirst("^0+", "");
        return s.length() >= 3 ? s : "0".repeat(3 - s.length()) + s;
    }

    /** The form Ansible shows in results: "0644". */
    public static String display(String mode) {
        return mode == null ? null : "0" + canonical(mode);
    }

    /** A mode for chmod that sets every bit, special ones included: "00755", "02775". */
    public static String explicit(String mode) {
        String s = canonical(mode);
        return "0".repeat(5 - s.length()) + s;
    }
}
