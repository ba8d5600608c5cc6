package dev.unwind.inventory.yaml;

/** A YAML timestamp with a time part, kept as Python's isoformat() prints it (JSON shows a string). */
public record YamlTimestamp(String iso) {
    @Override
    public String toString() {
        return iso;
    }
}
