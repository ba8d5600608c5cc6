package dev.unwind.mke.config;

/** What the converter does with one MKE 3 setting (or every setting under a table). */
public sealed interface Rule permits Rule.Convert, Rule.NotSupported, Rule.Obsolete {

    /**
     * Carried over to MKE 4k.
     *
     * @param target the MKE 4k key named in the report
     * @param toggle a feature switch: when off, the report says Disabled (the value is still written)
     */
    record Convert(String target, SettingConversion conversion, boolean toggle) implements Rule {
    }

    /** No MKE 4k counterpart; reported (Disabled when off) and the upgrade asks unless --force. */
    record NotSupported(String reason) implements Rule {
    }

    /** Means nothing in MKE 4k; ignored on purpose and said so. */
    record Obsolete(String reason) implements Rule {
    }

    /** Writes one setting into the MKE 4k document. */
    @FunctionalInterface
    interface SettingConversion {
        void apply(Setting setting, Mke4Document doc, Findings findings);
    }
}
