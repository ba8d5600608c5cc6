package dev.unwind.cli;

import dev.unwind.config.AnsibleConfig;
import dev.unwind.config.AnsibleSetting;

import java.util.List;

/** What a command takes from Ansible's configuration when its own options leave a setting out. */
final class ConfiguredDefaults {
    /** unwind works 20 hosts at a time unless told otherwise (Ansible's 5 is slow for what unwind does per host). */
    static final int FORKS = 20;

    private ConfiguredDefaults() {
    }

    static int forks(Integer given) {
        return given != null ? given : AnsibleConfig.current().integer(AnsibleSetting.DEFAULT_FORKS).orElse(FORKS);
    }

    /** {@code --force-handlers}, else ansible.cfg's {@code force_handlers} (or {@code ANSIBLE_FORCE_HANDLERS}). */
    static boolean forceHandlers(boolean given) {
        return given || AnsibleConfig.current().bool(AnsibleSetting.DEFAULT_FORCE_HANDLERS).orElse(false);
    }

    /** The {@code -i} sources, or ansible.cfg's {@code inventory} (or {@code ANSIBLE_INVENTORY}) when there are none. */
    static List<String> inventory(List<String> given) {
        return given.isEmpty() ? AnsibleConfig.current().paths(AnsibleSetting.DEFAULT_HOST_LIST) : given;
    }
}
