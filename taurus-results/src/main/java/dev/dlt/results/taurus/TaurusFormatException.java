package dev.dlt.results.taurus;

/** A Taurus results file that cannot be read: not XML, not a FinalStatus report, too big, a bad value. */
public class TaurusFormatException extends Exception {

    public TaurusFormatException(String message) {
        super(message);
    }

    public TaurusFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
