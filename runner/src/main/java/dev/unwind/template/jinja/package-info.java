/**
 * Jinja2 for the values of Ansible estates: what inventories, group_vars, host_vars and vars files hold is evaluated
 * as Ansible evaluates it, when a run uses it ({@link dev.unwind.template.jinja.EstateValues}), with the filters and
 * tests Ansible adds ({@link dev.unwind.template.jinja.AnsibleFilters}) and Ansible's way of printing values
 * ({@link dev.unwind.template.jinja.PythonText}). Playbooks and templates stay FreeMarker.
 */
package dev.unwind.template.jinja;
