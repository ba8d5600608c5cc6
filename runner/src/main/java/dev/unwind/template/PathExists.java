package dev.unwind.template;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code path_exists(path)}: Ansible's {@code exists} test ({@code path is exists}). Like Ansible's, it looks on the
 * controller, where templates are evaluated, not on the host; a {@code ~} at the start is the controller's home.
 */
final class PathExists implements TemplateMethodModelEx {
    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
        if (arguments.size() != 1 || !(arguments.get(0) instanceof TemplateScalarModel s)) {
            throw new TemplateModelException("path_exists(path) takes one text");
        }
        String path = s.getAsString();
        if (path.equals("~") || path.startsWith("~/")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        try {
            return Files.exists(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
