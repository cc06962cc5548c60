package dev.dlt.operator.plan;

import dev.dlt.results.scenario.JmeterPlanCheck;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks a plan's bytes: a {@code .jmx} must be a JMeter plan in well-formed XML; a {@code .zip}
 * must contain one (the top-most {@code .jmx}, as the worker picks it) that is.
 */
final class PlanContent {

    private static final int MAX_ENTRIES = 10_000;

    private PlanContent() {
    }

    static void check(String key, byte[] content, String field) throws InvalidPlanException {
        boolean zip = content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        try {
            if (key.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                if (!zip) {
                    throw new InvalidPlanException(field, key + " is not a zip archive");
                }
                checkZip(key, content, field);
            } else if (zip) {
                throw new InvalidPlanException(field, key + " is a zip archive; name it .zip");
            } else {
                JmeterPlanCheck.check(new ByteArrayInputStream(content), key);
            }
        } catch (IOException e) {
            throw new InvalidPlanException(field, e.getMessage());
        }
    }

    private static void checkZip(String key, byte[] content, String field) throws IOException, InvalidPlanException {
        List<String> plans = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            int entries = 0;
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new InvalidPlanException(field, key + " has more than " + MAX_ENTRIES + " entries");
                }
                String name = entry.getName().replace('\\', '/');
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (!entry.isDirectory() && name.toLowerCase(Locale.ROOT).endsWith(".jmx") && !name.startsWith("__MACOSX/")
                        && !base.startsWith("._")) {
                    plans.add(name);
                }
            }
        }
        if (plans.isEmpty()) {
            throw new InvalidPlanException(field, key + " contains no .jmx file");
        }
        int top = plans.stream().mapToInt(PlanContent::depth).min().orElseThrow();
        List<String> topMost = plans.stream().filter(p -> depth(p) == top).sorted(Comparator.naturalOrder()).toList();
        if (topMost.size() > 1) {
            throw new InvalidPlanException(field, key + " contains several plans at the same level: " + topMost + "; keep one");
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().replace('\\', '/').equals(topMost.getFirst())) {
                    JmeterPlanCheck.check(nonClosing(zip), key + ": " + topMost.getFirst());
                    return;
                }
            }
        }
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }

    private static InputStream nonClosing(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // the zip stream stays open for the caller's try-with-resources
            }
        };
    }
}
