package dev.dlt.agent.engine.taurus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds the plan files the tests upload: the sample plan, and zips with any entry names. */
final class PlanZips {

    private PlanZips() {
    }

    /** src/test/resources/taurus/plan.jmx: samplers "login" and "search, page 1", data file data/users.csv. */
    static byte[] plan() {
        try (InputStream in = PlanZips.class.getResourceAsStream("/taurus/plan.jmx")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] text(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    /** A zip with these entries, in order; a name ending in "/" is a folder. */
    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static Map<String, byte[]> entries(Object... nameThenContent) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            Object content = nameThenContent[i + 1];
            entries.put((String) nameThenContent[i], content instanceof byte[] b ? b : text((String) content));
        }
        return entries;
    }
}
