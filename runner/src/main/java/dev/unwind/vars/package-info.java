/**
 * Variables with Ansible's precedence: inventory group &lt; inventory host &lt; facts &lt; play vars &lt;
 * vars_files &lt; block and task vars &lt; include_vars &lt; registered results and set_fact &lt; extra vars ({@code -e}).
 */
package dev.unwind.vars;
