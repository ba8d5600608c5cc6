/**
 * Accounts: {@code user}, {@code group} and {@code authorized_key}, and {@code restore_entries}, the internal module
 * their automatic undo calls. The account modules act through the shadow tools (useradd, usermod, userdel,
 * groupadd, ...), but before they act they record, for every name they may touch, the exact line each of
 * /etc/passwd, /etc/shadow, /etc/group and /etc/gshadow held for it (or that it held none) and where it stood
 * ({@link dev.unwind.module.accounts.PriorEntries}, kept in the run's backups, never in the journal: shadow lines
 * hold password hashes). The undo puts exactly those lines back, with the files locked as the shadow tools lock them.
 */
package dev.unwind.module.accounts;
