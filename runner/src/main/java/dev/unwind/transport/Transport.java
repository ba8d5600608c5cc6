package dev.unwind.transport;

import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;

import java.util.Map;

/** Opens connections to hosts. One transport serves a whole run and closes what it opened. */
public interface Transport extends AutoCloseable {

    /** A connection to {@code host}, opened on first use and reused afterwards. */
    Connection connect(String host, Map<String, Object> hostVars) throws ConnectionException;

    @Override
    void close();
}
