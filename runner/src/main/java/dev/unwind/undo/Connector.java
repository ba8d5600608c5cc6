package dev.unwind.undo;

import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;

/** Gives the connection to a host, becoming {@code becomeUser} when it is not null. */
@FunctionalInterface
public interface Connector {
    Connection connect(String host, String becomeUser) throws ConnectionException;
}
