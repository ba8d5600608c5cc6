package dev.unwind.module;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The modules a run knows: every built-in found by {@link ServiceLoader}, plus any added (users' library). */
public final class ModuleCatalog {
    private final Map<String, Module> modules;

    private ModuleCatalog(Map<String, Module> modules) {
        this.modules = Map.copyOf(modules);
    }

    public static ModuleCatalog builtIn() {
        Map<String, Module> m = new TreeMap<>();
        for (Module mod : ServiceLoader.load(Module.class, ModuleCatalog.class.getClassLoader())) {
            m.put(mod.name(), mod);
        }
        return new ModuleCatalog(m);
    }

    public ModuleCatalog with(Collection<? extends Module> more) {
        Map<String, Module> m = new TreeMap<>(modules);
        more.forEach(x -> m.put(x.name(), x));
        return new ModuleCatalog(m);
    }

    /** Collections whose modules unwind has under their short names: {@code ansible.builtin.copy} is {@code copy}. */
    private static final java.util.List<String> COLLECTIONS = java.util.List.of("ansible.builtin.", "ansible.legacy.",
            "ansible.posix.", "community.general.");

    /** The module of this name, or of its fully qualified name (FQCN) where unwind has the module. */
    public Optional<Module> find(String name) {
        Module m = modules.get(name);
        return Optional.ofNullable(m != null ? m : modules.get(shortName(name)));
    }

    /** {@code ansible.builtin.include_tasks} is {@code include_tasks}: the name without a collection unwind knows. */
    public static String shortName(String name) {
        for (String prefix : COLLECTIONS) {
            if (name.startsWith(prefix)) {
                return name.substring(prefix.length());
            }
        }
        return name;
    }

    public Collection<Module> all() {
        return new TreeMap<>(modules).values();
    }
}
