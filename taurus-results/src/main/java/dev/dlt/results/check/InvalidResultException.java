package dev.dlt.results.check;

/** A worker's results that are readable but cannot be right (inconsistent or overflowing counts); the message says why. */
public class InvalidResultException extends Exception {

    public InvalidResultException(String message) {
        super(message);
    }
}
