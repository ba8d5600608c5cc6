/**
 * HTTP from the controller: {@code uri} calls a URL with java.net.http, checks the status, and returns the
 * response. Reads (GET, HEAD, OPTIONS) change nothing and need no undo; other methods report a change and
 * their task must say how to take it back.
 */
package dev.unwind.module.http;
