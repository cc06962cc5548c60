package dev.dlt.results.histogram;

/** A latency histogram (or the file of them) that cannot be decoded; the message says what is wrong. */
public class HistogramFormatException extends Exception {

    public HistogramFormatException(String message) {
        super(message);
    }

    public HistogramFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
