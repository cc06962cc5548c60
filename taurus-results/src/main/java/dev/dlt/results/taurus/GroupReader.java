package dev.dlt.results.taurus;

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
                case "avg_rt" -> avgRt = TaurusXmlReader.parseDouble(name, raw);
                case "stdev_rt" -> stdevRt = TaurusXmlReader.parseDouble(name, raw);
                case "avg_lt" -> avgLt = TaurusXmlReader.parseDouble(name, raw);
                case "avg_ct" -> avgCt = TaurusXmlReader.parseDouble(name, raw);
                case "rc" -> {
                    if (param == null) {
                        throw new TaurusFormatException("<rc> without a param attribute");
                    }
                    codes.putIfAbsent(param, count(name, raw));
                }
                case "perc" -> {
                    if (param == null) {
                        throw new TaurusFormatException("<perc> without a param attribute");
                    }
                    percentiles.putIfAbsent(TaurusXmlReader.parseDouble("perc param", param), TaurusXmlReader.parseDouble(name, raw));
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

    private static long count(String name, String raw) throws TaurusFormatException {
        double value = TaurusXmlReader.parseDouble(name, raw);
        if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            throw new TaurusFormatException("<" + name + "> has value '" + raw + "', expected a count");
        }
        return Math.round(value);
    }
}
