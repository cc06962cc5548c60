package dev.dlt.agent.engine.taurus;

import static dev.dlt.agent.engine.taurus.PlanZips.entries;
import static dev.dlt.agent.engine.taurus.PlanZips.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking a plan zip stays inside its folder and within its bounds. */
class PlanArchiveTest {

    @TempDir
    Path tmp;

    @Test
    void unpacksFoldersAndWindowsStyleNames() throws IOException {
        Path target = tmp.resolve("plan");

        new PlanArchive().extract(write(zip(entries("load/", "", "load\\data\\users.csv", "a,b\n"))), target, "plan.zip");

        assertThat(target.resolve("load/data/users.csv")).hasContent("a,b");
    }

    @Test
    void refusesAbsoluteEntries() throws IOException {
        Path zip = write(zip(entries("/tmp/owned.txt", "x")));

        assertThatThrownBy(() -> new PlanArchive().extract(zip, tmp.resolve("plan"), "plan.zip"))
                .isInstanceOf(IOException.class).hasMessageContaining("'/tmp/owned.txt' that points outside the plan folder");
    }

    @Test
    void boundsTheNumberOfEntries() throws IOException {
        Path zip = write(zip(entries("a", "1", "b", "2", "c", "3", "d", "4")));

        assertThatThrownBy(() -> new PlanArchive(3, 1000).extract(zip, tmp.resolve("plan"), "plan.zip"))
                .isInstanceOf(IOException.class).hasMessage("plan.zip has 4 entries, more than the 3 allowed");
    }

    @Test
    void boundsTheBytesActuallyUnpacked() throws IOException {
        Path zip = write(zip(entries("small", "x".repeat(600), "big", "y".repeat(600))));

        assertThatThrownBy(() -> new PlanArchive(10, 1000).extract(zip, tmp.resolve("plan"), "plan.zip"))
                .isInstanceOf(IOException.class).hasMessage("plan.zip unpacks to more than 1000 bytes; refusing to unpack it");
    }

    private Path write(byte[] zip) throws IOException {
        return Files.write(tmp.resolve("plan.zip"), zip);
    }
}
