/**
 * {@code unwind convert}: an Ansible playbook, task file or project (roles with their tasks, handlers, vars, defaults
 * and meta, {@code *.j2} templates) rewritten into unwind's form. Ansible's structure stays; Jinja expressions and
 * statements become FreeMarker ({@link dev.unwind.convert.JinjaExpressions} for expressions and conditions, parsed
 * with Jinjava's own parser; {@link dev.unwind.convert.JinjaTemplates} for templates and text), YAML files are edited
 * in place so their layout and comments stay ({@link dev.unwind.convert.YamlRewrite}), and what cannot be converted
 * is listed as {@link dev.unwind.convert.Gap}s at their file and line ({@link dev.unwind.convert.Conversion}).
 */
package dev.unwind.convert;
