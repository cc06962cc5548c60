package dev.dlt.agent.engine.taurus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks a plan zip safely: every entry must stay inside the target folder (no zip-slip), and the
 * number of entries and the bytes actually unpacked are bounded (no zip bomb).
 */
final class PlanArchive {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_BYTES = 1024L * 1024 * 1024;

    private final int maxEntries;
    private final long maxBytes;

    PlanArchive() {
        this(MAX_ENTRIES, MAX_BYTES);
    }

    PlanArchive(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /** Unpacks {@code zip} into {@code target}; {@code name} is how error messages call the zip. */
    void extract(Path zip, Path target, String name) throws IOException {
        Path root = Files.createDirectories(target).toRealPath();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            if (file.size() > maxEntries) {
                throw new IOException(name + " has " + file.size() + " entries, more than the " + maxEntries + " allowed");
            }
            long budget = maxBytes;
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path path = inside(root, entry.getName(), name);
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                try (InputStream in = file.getInputStream(entry); OutputStream out = Files.newOutputStream(path)) {
                    budget -= copy(in, out, budget, name);
                }
            }
        } catch (ZipException e) {
            throw new IOException(name + " is not a readable zip file: " + e.getMessage(), e);
        }
    }

    private static Path inside(Path root, String entryName, String name) throws IOException {
        // zips made by some Windows tools separate folders with backslashes
        String relative = entryName.replace('\\', '/');
        Path path = root.resolve(relative).normalize();
        if (relative.startsWith("/") || !path.startsWith(root) || path.equals(root) && !relative.endsWith("/")) {
            throw new IOException(name + " has an entry '" + entryName + "' that points outside the plan folder; refusing to unpack it");
        }
        return path;
    }

    private long copy(InputStream in, OutputStream out, long budget, String name) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            copied += n;
            if (copied > budget) {
                throw new IOException(name + " unpacks to more than " + size(maxBytes) + "; refusing to unpack it");
            }
            out.write(buffer, 0, n);
        }
        return copied;
    }

    private static String size(long bytes) {
        long mib = 1024 * 1024;
        return bytes % mib == 0 ? bytes / mib + " MiB" : bytes + " bytes";
    }
}
