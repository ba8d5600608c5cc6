package dev.unwind.mke.identity;

/** A local MKE 3 user as the UCP API lists it. */
public record Mke3User(String id, String name, String fullName, boolean admin, boolean active) {
}
