package dev.dlt.agent.gate;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A connection's input with one deadline for the whole start frame, not one per read: a peer that
 * drips a byte every few seconds is cut off when the deadline passes, however steadily it drips.
 */
final class FrameDeadlineInput extends InputStream {

    private final Socket socket;
    private final InputStream in;
    private final long deadlineNanos;

    FrameDeadlineInput(Socket socket, long deadlineNanos) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        long remainingMs = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (remainingMs <= 0) {
            throw new SocketTimeoutException("start frame not complete by its deadline");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMs));
        return in.read(buffer, offset, length);
    }
}
