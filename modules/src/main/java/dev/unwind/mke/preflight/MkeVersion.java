package dev.unwind.mke.preflight;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An MKE release number, {@code 3.8.5} (a pre-release suffix such as {@code -rc1} is kept aside). */
public record MkeVersion(int major, int minor, int patch) {
    private static final Pattern FORM = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)(?:[-+].*)?");

    /** Null when the text is not a version. */
    public static MkeVersion parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text.strip());
        if (m == null || !m.matches()) {
            return null;
        }
        return new MkeVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /** MKE 4k 4.1 upgrades 3.7.15 and later 3.7.x, and any 3.8.x. */
    public boolean upgradableToMke4k() {
        return major == 3 && ((minor == 7 && patch >= 15) || minor == 8);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
