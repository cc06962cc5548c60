package dev.dlt.agent.engine.nativehttp;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/** TLS through the JVM's default {@link SSLSocketFactory} (default trust), with host name verification. */
final class TlsTransport implements Transport {

    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;
    private int soTimeoutMillis;

    private TlsTransport(SSLSocket socket, int soTimeoutMillis) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.soTimeoutMillis = soTimeoutMillis;
    }

    static TlsTransport open(Origin origin, long deadlineNanos) throws IOException {
        Socket plain = new Socket();
        try {
            plain.setTcpNoDelay(true);
            plain.connect(new InetSocketAddress(origin.host(), origin.port()), Transport.remainingMillis(deadlineNanos));
            SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
            SSLSocket tls = (SSLSocket) factory.createSocket(plain, origin.host(), origin.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            // the factory checks the certificate chain but, unlike HTTPS clients, not the host name
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            int millis = Transport.remainingMillis(deadlineNanos);
            tls.setSoTimeout(millis);
            tls.startHandshake();
            return new TlsTransport(tls, millis);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    @Override
    public void write(byte[] bytes, long deadlineNanos) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public int read(byte[] b, int off, int len, long deadlineNanos) throws IOException {
        int millis = Transport.remainingMillis(deadlineNanos);
        if (millis != soTimeoutMillis) {
            socket.setSoTimeout(millis);
            soTimeoutMillis = millis;
        }
        ExternalWakeups.SHARED.waiting(); // parks in the poller: plain-HTTP users must not starve it
        try {
            return in.read(b, off, len);
        } finally {
            ExternalWakeups.SHARED.returned();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
