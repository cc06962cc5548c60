package dev.dlt.operator.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Build step run after the CRD generator: puts the LoadTest CRD's printer columns in the order the
 * annotations on {@link LoadTest} declare them (the generator sorts them by JSON path, which would
 * show AGE first in {@code kubectl get}). It moves whole column entries and changes nothing else.
 */
public final class PrinterColumnOrder {

    private static final String ENTRY = "    - jsonPath: ";

    private PrinterColumnOrder() {
    }

    /** Reorders the columns of {@code loadtests.load.dlt.dev-v1.yml} in the directory given as the only argument. */
    public static void main(String[] args) throws IOException {
        Path crd = Path.of(args[0], "loadtests.load.dlt.dev-v1.yml");
        Files.writeString(crd, reorder(Files.readString(crd), declared()));
    }

    static List<String> declared() {
        return Arrays.stream(LoadTest.class.getAnnotationsByType(AdditionalPrinterColumn.class)).map(AdditionalPrinterColumn::jsonPath)
                .toList();
    }

    static String reorder(String yaml, List<String> order) {
        List<String> lines = new ArrayList<>(yaml.lines().toList());
        int start = lines.indexOf("  - additionalPrinterColumns:") + 1;
        if (start == 0) {
            throw new IllegalStateException("no additionalPrinterColumns in the LoadTest CRD");
        }
        int end = start;
        // an entry is its "- jsonPath" line and the lines indented under it
        while (end < lines.size() && (lines.get(end).startsWith(ENTRY) || lines.get(end).startsWith("      "))) {
            end++;
        }
        List<List<String>> entries = new ArrayList<>();
        for (String line : lines.subList(start, end)) {
            if (line.startsWith(ENTRY)) {
                entries.add(new ArrayList<>());
            } else if (entries.isEmpty()) {
                throw new IllegalStateException("unexpected printer column line: " + line);
            }
            entries.getLast().add(line);
        }
        entries.sort(Comparator.comparingInt(e -> position(order, e.getFirst().substring(ENTRY.length()).replace("\"", ""))));
        List<String> out = new ArrayList<>(lines.subList(0, start));
        entries.forEach(out::addAll);
        out.addAll(lines.subList(end, lines.size()));
        return String.join("\n", out) + "\n";
    }

    private static int position(List<String> order, String jsonPath) {
        int i = order.indexOf(jsonPath);
        if (i < 0) {
            throw new IllegalStateException("printer column " + jsonPath + " is not declared on LoadTest");
        }
        return i;
    }
}
