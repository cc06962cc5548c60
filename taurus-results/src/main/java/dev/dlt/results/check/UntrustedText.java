package dev.dlt.results.check;

/** Makes an untrusted label or value fit into a one-line message: short, without control characters. */
public final class UntrustedText {

    private static final int MAX_CHARS = 80;

    private UntrustedText() {
    }

    public static String shorten(String text) {
        if (text == null) {
            return "null";
        }
        String cut = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "…" : text;
        StringBuilder clean = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return clean.toString();
    }
}
