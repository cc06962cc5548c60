package dev.dlt.localcloud.target;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** One HTTP/1.1 connection on a plain socket, so a test can prove that every request reuses it. */
final class RawHttpConnection implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;

    RawHttpConnection(URI base) throws IOException {
        socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        host = base.getHost() + ":" + base.getPort();
    }

    /** Sends a GET and reads the whole response; returns its status. Fails if the server closed the connection. */
    int get(String path) throws IOException {
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String statusLine = readLine();
        long contentLength = 0;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            if (header.toLowerCase(Locale.ROOT).startsWith("connection:") && header.toLowerCase(Locale.ROOT).contains("close")) {
                throw new IOException("the server asked to close the connection");
            }
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                contentLength = Long.parseLong(header.substring(header.indexOf(':') + 1).trim());
            }
        }
        in.skipNBytes(contentLength);
        return Integer.parseInt(statusLine.split(" ")[1]);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
