package dev.dlt.agent.gate;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The start gate's wire frame (see docs/start-gate.md): magic {@code DLTG}, version, type, payload
 * length, UTF-8 JSON payload, then an HMAC-SHA256 of everything before it under the run's secret.
 */
public record GateFrame(byte type, byte[] payload) {

    public static final byte START = 1;
    public static final byte ACK = 2;
    static final byte[] MAGIC = {'D', 'L', 'T', 'G'};
    static final byte VERSION = 1;
    static final int HEADER_BYTES = 10;
    static final int MAC_BYTES = 32;
    /** Payloads are small JSON objects; anything bigger is not ours. */
    static final int MAX_PAYLOAD = 16 * 1024;

    /** Raised for anything that is not a valid frame under the secret; the connection is then dropped. */
    public static final class Rejected extends IOException {
        public Rejected(String reason) {
            super(reason);
        }
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    public void writeTo(OutputStream out, byte[] secret) throws IOException {
        out.write(signed(secret));
        out.flush();
    }

    /** The frame's bytes on the wire, signed; the leader signs its start frame once for all workers. */
    public byte[] signed(byte[] secret) {
        ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + payload.length + MAC_BYTES);
        frame.put(MAGIC).put(VERSION).put(type).putInt(payload.length).put(payload);
        frame.put(mac(secret, frame.array(), HEADER_BYTES + payload.length));
        return frame.array();
    }

    /** Reads and authenticates one frame; throws {@link Rejected} when it is not a valid frame. */
    public static GateFrame readFrom(InputStream in, byte[] secret) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] header = new byte[HEADER_BYTES];
        readFully(data, header);
        ByteBuffer h = ByteBuffer.wrap(header);
        byte[] magic = new byte[4];
        h.get(magic);
        if (!MessageDigest.isEqual(magic, MAGIC)) {
            throw new Rejected("not a start-gate frame");
        }
        byte version = h.get();
        if (version != VERSION) {
            throw new Rejected("unsupported start-gate version " + version);
        }
        byte type = h.get();
        int length = h.getInt();
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new Rejected("payload length " + length + " out of bounds");
        }
        byte[] body = new byte[HEADER_BYTES + length];
        System.arraycopy(header, 0, body, 0, HEADER_BYTES);
        readFully(data, body, HEADER_BYTES, length);
        byte[] mac = new byte[MAC_BYTES];
        readFully(data, mac);
        if (!MessageDigest.isEqual(mac, mac(secret, body, body.length))) {
            throw new Rejected("bad signature");
        }
        byte[] payload = new byte[length];
        System.arraycopy(body, HEADER_BYTES, payload, 0, length);
        return new GateFrame(type, payload);
    }

    private static void readFully(DataInputStream in, byte[] buffer) throws IOException {
        readFully(in, buffer, 0, buffer.length);
    }

    private static void readFully(DataInputStream in, byte[] buffer, int offset, int length) throws IOException {
        try {
            in.readFully(buffer, offset, length);
        } catch (EOFException e) {
            throw new Rejected("connection closed mid-frame");
        }
    }

    static byte[] mac(byte[] secret, byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
