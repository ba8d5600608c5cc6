package dev.unwind.module;

/** A view of a connection that runs every command through sudo. */
record BecomingConnection(Connection inner, Become become) implements Connection {

    @Override
    public String host() {
        return inner.host();
    }

    @Override
    public ExecResult exec(Command command) throws ConnectionException {
        return inner.exec(command.become() == null ? command.withBecome(become) : command);
    }

    @Override
    public void reconnect() {
        inner.reconnect();
    }

    @Override
    public Connection becoming(Become b) {
        return inner.becoming(b);
    }
}
