package dev.dlt.agent.engine.nativehttp;

/** The text of each HTTP status code, made once so that recording a sample allocates no string. */
final class StatusCodes {

    private static final String[] CODES = new String[1000];

    static {
        for (int i = 0; i < CODES.length; i++) {
            CODES[i] = Integer.toString(i);
        }
    }

    private StatusCodes() {
    }

    static String of(int status) {
        return CODES[status];
    }
}
