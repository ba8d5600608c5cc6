/**
 * MKE 3 users as MKE 4k identities: Dex {@code Password} objects (namespace {@code mke}). MKE 3 never
 * exports password hashes, so the admin keeps the password the upgrade logged in with and every other
 * local user gets a fresh random initial password, handed to the operator in a 0600 file.
 */
package dev.unwind.mke.identity;
