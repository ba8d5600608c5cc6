/**
 * TLS trust for the controller's own HTTPS clients (the {@code uri} module, the UCP API client): the JDK's CAs,
 * exactly the CAs of a PEM file, or, when a user asks for it, no check at all.
 */
package dev.unwind.tls;
