package dev.unwind.inventory;

/** {@code ansible_group_priority} is read as an integer; Ansible calls int() on whatever was written. */
final class GroupPriority {
    private GroupPriority() {
    }

    static int of(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        try {
            return Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ansible_group_priority must be an integer, got: " + value);
        }
    }
}
