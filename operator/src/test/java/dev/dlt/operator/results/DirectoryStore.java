package dev.dlt.operator.results;

import dev.dlt.operator.store.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Buckets as directories (bucket/key = file path), so that a test can hold many results without holding them in memory. */
final class DirectoryStore implements ObjectStore {

    private final Path root;

    DirectoryStore(Path root) {
        this.root = root;
    }

    @Override
    public void put(String bucket, String key, byte[] content, String contentType) {
        try {
            Path file = root.resolve(bucket).resolve(key);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<byte[]> get(String bucket, String key) {
        try {
            return Optional.of(Files.readAllBytes(root.resolve(bucket).resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<InputStream> open(String bucket, String key, long maxBytes) throws TooLarge {
        Path file = root.resolve(bucket).resolve(key);
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new TooLarge(key, size, maxBytes);
            }
            return Optional.of(new Limited(Files.newInputStream(file), key, maxBytes, () -> { }));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (TooLarge e) {
            throw e;
        } catch (IOException e) {
            throw new Unavailable(e.getMessage(), e);
        }
    }

    @Override
    public List<String> list(String bucket, String prefix) {
        Path base = root.resolve(bucket);
        Path dir = base.resolve(prefix);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> base.relativize(f).toString().replace('\\', '/')).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
