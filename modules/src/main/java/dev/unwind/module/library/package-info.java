/**
 * Users' own modules: every executable in a {@code library/} folder beside the playbook is a module named after
 * its file (without extension). It runs on the host, reads its arguments as JSON on stdin and answers JSON
 * ({@code changed}, {@code failed}, {@code skipped}, {@code msg}, {@code diff}, {@code undo}), the way Ansible's
 * non-Python modules do. Capabilities the loader must know before running it are declared in the file itself:
 * a line containing {@code unwind: supports_check_mode} or {@code unwind: returns_undo}.
 */
package dev.unwind.module.library;
