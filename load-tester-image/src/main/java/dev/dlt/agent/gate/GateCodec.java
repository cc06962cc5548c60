package dev.dlt.agent.gate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Turns start and ack messages into frame payloads and back. */
final class GateCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private GateCodec() {
    }

    /** Exercises encoding, signing and decoding once. */
    static void warmUp(byte[] secret) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            encode(GateFrame.ACK, new AckMessage("", "", "", 0, 0, "")).writeTo(out, secret);
            decode(GateFrame.readFrom(new java.io.ByteArrayInputStream(out.toByteArray()), secret), GateFrame.ACK, AckMessage.class);
            decode(encode(GateFrame.START, new StartMessage("", "", "", 0, 0, "")), GateFrame.START, StartMessage.class);
        } catch (IOException e) {
            throw new IllegalStateException("start gate codec self-test failed", e);
        }
    }

    static GateFrame encode(byte type, Object message) {
        try {
            return new GateFrame(type, JSON.writeValueAsBytes(message));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + message, e);
        }
    }

    static <T> T decode(GateFrame frame, byte expectedType, Class<T> type) throws GateFrame.Rejected {
        if (frame.type() != expectedType) {
            throw new GateFrame.Rejected("unexpected frame type " + frame.type());
        }
        try {
            return JSON.readValue(frame.payload(), type);
        } catch (IOException e) {
            throw new GateFrame.Rejected("unreadable payload: " + e.getMessage());
        }
    }
}
