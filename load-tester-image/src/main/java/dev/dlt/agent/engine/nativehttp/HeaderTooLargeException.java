package dev.dlt.agent.engine.nativehttp;

import java.net.ProtocolException;

/** The response's status line and headers (or a chunk's trailers) exceeded the engine's size bound. */
public final class HeaderTooLargeException extends ProtocolException {

    public HeaderTooLargeException(int limitBytes) {
        super("response header section exceeds " + limitBytes + " bytes");
    }
}
