package dev.dlt.results.check;

/** Makes an untrusted label or value fit into a one-line message: short, without control characters. */
public final class UntrustedText {

    private static final int MAX_CHARS = 80;

    private UntrustedText() {
    }

    /** At most 80 characters: for labels and values quoted in a message. */
    public static String shorten(String text) {
        return shorten(text, MAX_CHARS);
    }

    public static String shorten(String text, int maxChars) {
        if (text == null) {
            return "null";
        }
        String cut = text.length() > maxChars ? text.substring(0, maxChars) + "…" : text;
        StringBuilder clean = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return clean.toString();
    }
}
