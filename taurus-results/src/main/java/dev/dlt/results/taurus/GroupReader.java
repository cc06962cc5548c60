package dev.dlt.results.taurus;

import dev.dlt.results.check.UntrustedText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the children of one {@code <Group>}; each carries its value as attribute and as {@code <value>}
 * text. A response code or percentile that appears twice keeps its first value.
 */
final class GroupReader {

    /**
     * The largest count a worker may report (~1.1e15: more requests or bytes than a worker can move in
     * a day), so that the counts of 8192 workers still add up without overflow.
     */
    static final long MAX_COUNT = 1L << 50;
    /** A response time beyond a day is not a measurement. */
    static final double MAX_SECONDS = 86_400;
    static final int MAX_CODES = 1_000;
    static final int MAX_CODE_CHARS = 256;
    static final int MAX_PERCENTILES = 1_000;

    private GroupReader() {
    }

    static GroupStats read(XMLStreamReader xml) throws XMLStreamException, TaurusFormatException {
        long throughput = 0;
        long concurrency = 0;
        long succ = 0;
        long fail = 0;
        long bytes = 0;
        double avgRt = Double.NaN;
        double stdevRt = Double.NaN;
        double avgLt = Double.NaN;
        double avgCt = Double.NaN;
        Map<String, Long> codes = new LinkedHashMap<>();
        TreeMap<Double, Double> percentiles = new TreeMap<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event == XMLStreamConstants.DTD) {
                throw new TaurusFormatException("Taurus results XML must not contain a DTD");
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            String param = xml.getAttributeValue(null, "param");
            String attribute = xml.getAttributeValue(null, "value");
            String text = valueText(xml);
            String raw = attribute != null ? attribute : text;
            if (raw == null) {
                continue;
            }
            switch (name) {
                case "throughput" -> throughput = count(name, raw);
                case "concurrency" -> concurrency = count(name, raw);
                case "succ" -> succ = count(name, raw);
                case "fail" -> fail = count(name, raw);
                case "bytes" -> bytes = count(name, raw);
                case "avg_rt" -> avgRt = seconds(name, raw);
                case "stdev_rt" -> stdevRt = seconds(name, raw);
                case "avg_lt" -> avgLt = seconds(name, raw);
                case "avg_ct" -> avgCt = seconds(name, raw);
                case "rc" -> {
                    if (param == null) {
                        throw new TaurusFormatException("<rc> without a param attribute");
                    }
                    if (codes.size() >= MAX_CODES && !codes.containsKey(param)) {
                        throw new TaurusFormatException("a group has more than " + MAX_CODES + " response codes");
                    }
                    if (param.length() > MAX_CODE_CHARS) {
                        throw new TaurusFormatException("<rc> has a param of " + param.length() + " characters, at most " + MAX_CODE_CHARS);
                    }
                    codes.putIfAbsent(param, count(name, raw));
                }
                case "perc" -> {
                    if (param == null) {
                        throw new TaurusFormatException("<perc> without a param attribute");
                    }
                    double level = TaurusXmlReader.parseDouble("perc param", param);
                    if (!(level >= 0 && level <= 100)) {
                        throw new TaurusFormatException("<perc> has param '" + UntrustedText.shorten(param) + "', expected a level from 0 to 100");
                    }
                    if (percentiles.size() >= MAX_PERCENTILES && !percentiles.containsKey(level)) {
                        throw new TaurusFormatException("a group has more than " + MAX_PERCENTILES + " percentiles");
                    }
                    percentiles.putIfAbsent(level, seconds(name, raw));
                }
                default -> { } // unknown elements are ignored: they vary between Taurus versions
            }
        }
        return new GroupStats(throughput, concurrency, succ, fail, avgRt, stdevRt, avgLt, avgCt, bytes, codes, percentiles);
    }

    /** Consumes a statistic element up to its end tag and returns its {@code <value>} text, if any. */
    private static String valueText(XMLStreamReader xml) throws XMLStreamException, TaurusFormatException {
        String value = null;
        StringBuilder direct = new StringBuilder();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event == XMLStreamConstants.CHARACTERS) {
                direct.append(xml.getText());
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if ("value".equals(xml.getLocalName())) {
                    value = xml.getElementText();
                } else {
                    TaurusXmlReader.skipElement(xml);
                }
            }
        }
        if (value == null && !direct.toString().isBlank()) {
            value = direct.toString();
        }
        return value;
    }

    /** A count: a non-negative integer (possibly written as {@code 12.0}), never clamped or rounded. */
    static long count(String name, String raw) throws TaurusFormatException {
        String text = raw.trim();
        try {
            long value = Long.parseLong(text);
            if (value >= 0 && value <= MAX_COUNT) {
                return value;
            }
        } catch (NumberFormatException e) {
            double value = parseNumber(name, raw);
            if (value >= 0 && value <= MAX_COUNT && value == Math.rint(value)) {
                return (long) value;
            }
        }
        throw new TaurusFormatException("<" + name + "> has value '" + UntrustedText.shorten(raw)
                + "', expected a count (an integer from 0 to " + MAX_COUNT + ")");
    }

    /** A time in seconds: finite, non-negative, at most a day. */
    static double seconds(String name, String raw) throws TaurusFormatException {
        double value = parseNumber(name, raw);
        if (!(value >= 0 && value <= MAX_SECONDS)) {
            throw new TaurusFormatException("<" + name + "> has value '" + UntrustedText.shorten(raw)
                    + "', expected seconds from 0 to " + (long) MAX_SECONDS);
        }
        return value;
    }

    private static double parseNumber(String name, String raw) throws TaurusFormatException {
        return TaurusXmlReader.parseDouble(name, raw);
    }
}
