package dev.unwind.mke.config;

/** What became of one MKE 3 setting. */
public enum Category {
    /** Enabled in MKE 3 and has no MKE 4k counterpart: the upgrade asks before going on (unless --force). */
    NOT_SUPPORTED("Not supported", true),
    /** Has an MKE 4k counterpart, but this value could not be converted (a malformed flag, a kubelet flag with no field). */
    NOT_CONVERTED("Could not be converted", true),
    /** Not a setting MKE 3 documents: reported so that nothing is dropped silently. */
    UNKNOWN("Unknown settings", true),
    /** Converted: the MKE 4k key is named. */
    CONVERTED("Supported", false),
    /** Means nothing in MKE 4k (a Swarm port, a prerequisite already checked): ignored on purpose. */
    OBSOLETE("Obsolete (ignored)", false),
    /** Off or empty in MKE 3: nothing to carry over. */
    DISABLED("Disabled in MKE3 (Skipped)", false);

    private final String title;
    private final boolean needsConfirmation;

    Category(String title, boolean needsConfirmation) {
        this.title = title;
        this.needsConfirmation = needsConfirmation;
    }

    public String title() {
        return title;
    }

    /** The upgrade stops and asks (or needs --force) when a setting falls in this category. */
    public boolean needsConfirmation() {
        return needsConfirmation;
    }
}
