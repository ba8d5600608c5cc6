/**
 * Ansible's own configuration, read as Ansible reads it, for the settings unwind shares with Ansible: the first of
 * {@code $ANSIBLE_CONFIG}, {@code ./ansible.cfg}, {@code ~/.ansible.cfg} and {@code /etc/ansible/ansible.cfg}, with the
 * matching {@code ANSIBLE_*} variables above it and the command line above both. {@link dev.unwind.config.AnsibleSetting}
 * is the one table of those settings.
 */
package dev.unwind.config;
