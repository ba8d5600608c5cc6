package dev.unwind.transport.ssh;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * The way to a host behind a jump host: a {@code direct-tcpip} stream on the bastion's already open session
 * (what {@code ssh -J} does), so every host behind one bastion shares its single connection.
 */
final class BastionStream implements Proxy {
    private final Session bastion;
    private final String host;
    private final int port;
    private Channel channel;
    private InputStream in;
    private OutputStream out;

    BastionStream(Session bastion, String host, int port) {
        this.bastion = bastion;
        this.host = host;
        this.port = port;
    }

    @Override
    public void connect(SocketFactory ignored, String h, int p, int timeout) throws Exception {
        channel = bastion.getStreamForwarder(host, port);
        in = channel.getInputStream();
        out = channel.getOutputStream();
        channel.connect(timeout);
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public Socket getSocket() {
        return null;
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.disconnect();
        }
    }
}
