package dev.unwind.playbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where a task's local files are looked up, as the executor does it: for each of the playbook's folder,
 * unwind's own folder ({@link UnwindFolder}) and the working directory, {@code <dir>/<sub>/src} then
 * {@code <dir>/src}. Lint uses it to find the templates a playbook names.
 */
public record SearchPath(List<Path> dirs) {

    public static SearchPath of(Path playbookDir) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(playbookDir);
        dirs.add(UnwindFolder.find());
        dirs.add(Path.of("").toAbsolutePath());
        return new SearchPath(dirs.stream().map(Path::normalize).distinct().toList());
    }

    /** This path with a role's folder searched first, as Ansible looks in the role before the playbook. */
    public SearchPath within(Path roleDir) {
        List<Path> first = new ArrayList<>();
        first.add(roleDir);
        first.addAll(dirs);
        return new SearchPath(List.copyOf(first));
    }

    /** The first file {@code src} names under {@code sub} ("templates", "files") or beside it. */
    public Optional<Path> find(String src, String sub) {
        return first(src, sub, Files::isRegularFile);
    }

    /** The first file or folder {@code src} names under {@code sub} or beside it: what Ansible's lookups accept. */
    public Optional<Path> locate(String src, String sub) {
        return first(src, sub, Files::exists);
    }

    private Optional<Path> first(String src, String sub, Predicate<Path> kind) {
        Path p = Path.of(src);
        if (p.isAbsolute()) {
            return kind.test(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir : dirs) {
            for (Path candidate : List.of(dir.resolve(sub).resolve(src), dir.resolve(src))) {
                if (kind.test(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
