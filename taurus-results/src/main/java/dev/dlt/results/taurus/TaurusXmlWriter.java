package dev.dlt.results.taurus;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link FinalStatus} as Taurus does ({@code final-stats} with {@code dump-xml}): each
 * statistic as an element carrying its value as attribute and as {@code <name>}/{@code <value>}
 * children, times in seconds with five decimals.
 */
public final class TaurusXmlWriter {

    private TaurusXmlWriter() {
    }

    public static byte[] toBytes(FinalStatus status) {
        return toXml(status).getBytes(StandardCharsets.UTF_8);
    }

    public static String toXml(FinalStatus status) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<?xml version='1.0' encoding='UTF-8'?>\n<FinalStatus>\n");
        out.append("  <TestDuration>").append(Double.toString(status.testDurationSeconds())).append("</TestDuration>\n");
        for (Map.Entry<String, GroupStats> group : status.groups().entrySet()) {
            writeGroup(out, group.getKey(), group.getValue());
        }
        return out.append("</FinalStatus>\n").toString();
    }

    private static void writeGroup(StringBuilder out, String label, GroupStats g) {
        out.append("  <Group label=\"").append(escape(label)).append("\">\n");
        stat(out, "throughput", null, Long.toString(g.throughput()));
        stat(out, "concurrency", null, Long.toString(g.concurrency()));
        stat(out, "succ", null, Long.toString(g.succ()));
        stat(out, "fail", null, Long.toString(g.fail()));
        stat(out, "avg_rt", null, seconds(g.avgRt()));
        stat(out, "stdev_rt", null, seconds(g.stdevRt()));
        stat(out, "avg_lt", null, seconds(g.avgLt()));
        stat(out, "avg_ct", null, seconds(g.avgCt()));
        stat(out, "bytes", null, Long.toString(g.bytes()));
        for (Map.Entry<String, Long> rc : g.responseCodes().entrySet()) {
            stat(out, "rc", rc.getKey(), Long.toString(rc.getValue()));
        }
        for (Map.Entry<Double, Double> perc : g.percentiles().entrySet()) {
            stat(out, "perc", Double.toString(perc.getKey()), seconds(perc.getValue()));
        }
        out.append("  </Group>\n");
    }

    private static void stat(StringBuilder out, String element, String param, String value) {
        String name = param == null ? element : element + "/" + param;
        out.append("    <").append(element).append(" value=\"").append(value).append('"');
        if (param != null) {
            out.append(" param=\"").append(escape(param)).append('"');
        }
        out.append(">\n      <name>").append(escape(name)).append("</name>\n      <value>").append(value)
                .append("</value>\n    </").append(element).append(">\n");
    }

    private static String seconds(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.5f", value) : "0.00000";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // characters XML 1.0 cannot carry at all are replaced rather than producing an unreadable file
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append('?');
                    } else if (c < 0x20) {
                        out.append("&#").append((int) c).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
