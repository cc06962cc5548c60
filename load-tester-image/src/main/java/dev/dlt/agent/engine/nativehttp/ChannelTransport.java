package dev.dlt.agent.engine.nativehttp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Plain TCP on a non-blocking {@link SocketChannel}. Waiting for a response, a virtual user first
 * yields its carrier to the other users and retries the read once more before it parks in the
 * JDK's poller: under load the response has usually arrived by its next turn, which saves the
 * poller registration and, when the carrier would otherwise go idle, two thread switches per
 * request. This roughly doubles the request rate of a busy core (see bench/README.md). It stops
 * yielding while {@link ExternalWakeups} says a user woken by the poller or a timer is overlooked,
 * and yields through {@link CarrierYield} so that it never waits on the external queue itself.
 */
final class ChannelTransport implements Transport {

    /** Non-blocking read attempts, each after a yield, before a timed blocking read. */
    private static final int READ_ATTEMPTS = 2;
    private static final int MAX_WRITE_CHUNK = 16 * 1024;
    private static final long WRITE_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final SocketChannel channel;
    private final InputStream blockingIn;
    private ByteBuffer readView = ByteBuffer.allocate(0);
    private ByteBuffer writeBuffer = ByteBuffer.allocateDirect(0);
    private boolean responsePending;
    private int soTimeoutMillis = -1;

    private ChannelTransport(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.blockingIn = channel.socket().getInputStream();
    }

    static ChannelTransport open(Origin origin, long deadlineNanos) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ExternalWakeups.SHARED.waiting(); // a connect that does not complete at once parks in the poller
            try {
                channel.socket().connect(new InetSocketAddress(origin.host(), origin.port()),
                        Transport.remainingMillis(deadlineNanos));
            } finally {
                ExternalWakeups.SHARED.returned();
            }
            channel.configureBlocking(false);
            return new ChannelTransport(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void write(byte[] bytes, long deadlineNanos) throws IOException {
        for (int off = 0; off < bytes.length; ) {
            int chunk = Math.min(bytes.length - off, MAX_WRITE_CHUNK);
            if (writeBuffer.capacity() < chunk) {
                writeBuffer = ByteBuffer.allocateDirect(chunk); // direct: the channel copies heap buffers once more
            }
            writeBuffer.clear();
            writeBuffer.put(bytes, off, chunk).flip();
            while (writeBuffer.hasRemaining()) {
                if (channel.write(writeBuffer) == 0) {
                    // the peer is not reading; poll gently so the request timeout applies to writes too
                    Transport.remainingMillis(deadlineNanos);
                    ExternalWakeups.SHARED.waiting();
                    try {
                        LockSupport.parkNanos(WRITE_RETRY_NANOS);
                    } finally {
                        ExternalWakeups.SHARED.returned();
                    }
                }
            }
            off += chunk;
        }
        responsePending = true;
    }

    @Override
    public int read(byte[] b, int off, int len, long deadlineNanos) throws IOException {
        ByteBuffer view = readView;
        if (view.array() != b) {
            view = ByteBuffer.wrap(b);
            readView = view;
        }
        view.limit(off + len).position(off);
        ExternalWakeups wakeups = ExternalWakeups.SHARED;
        if (responsePending) {
            responsePending = false;
            if (wakeups.mayYield()) {
                CarrierYield.yieldCarrier(wakeups); // the server needs time to answer anyway: let the other users run first
            }
        }
        for (int attempt = 1; ; attempt++) {
            int n = channel.read(view);
            if (n != 0) {
                return n;
            }
            if (attempt >= READ_ATTEMPTS || !wakeups.mayYield()) {
                return blockingRead(b, off, len, deadlineNanos);
            }
            CarrierYield.yieldCarrier(wakeups);
        }
    }

    private int blockingRead(byte[] b, int off, int len, long deadlineNanos) throws IOException {
        int millis = Transport.remainingMillis(deadlineNanos);
        if (millis != soTimeoutMillis) {
            channel.socket().setSoTimeout(millis); // applies to the socket adaptor's stream
            soTimeoutMillis = millis;
        }
        channel.configureBlocking(true);
        ExternalWakeups.SHARED.waiting();
        try {
            return blockingIn.read(b, off, len);
        } finally {
            ExternalWakeups.SHARED.returned();
            if (channel.isOpen()) {
                channel.configureBlocking(false);
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
