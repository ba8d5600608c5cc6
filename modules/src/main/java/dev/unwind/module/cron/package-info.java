/**
 * {@code cron}: jobs and variables in a user's crontab or a file of /etc/cron.d, marked as Ansible marks them
 * ({@code #Ansible: NAME} before a job). The undo puts back the crontab's spool file byte for byte through the
 * file machinery ({@code restore_path}), or removes it when the user had none.
 */
package dev.unwind.module.cron;
