package dev.dlt.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed CRDs in {@code crds/} must be exactly what the API classes generate. */
class CrdsUpToDateTest {

    private static final String HOW_TO_FIX = "crds/ is stale: run `mvn -pl operator process-classes -Pupdate-crds` and commit crds/ and helm/dlt-operator/crds/";

    @Test
    void committedCrdsMatchTheGeneratedOnes() throws IOException {
        Path generated = Path.of(System.getProperty("dlt.crds.generated", "target/classes/META-INF/fabric8"));
        Path committed = Path.of(System.getProperty("dlt.crds.committed", "../crds"));
        List<String> generatedNames = names(generated);
        assertThat(generatedNames).as("generated CRDs").isNotEmpty();
        assertThat(names(committed)).as(HOW_TO_FIX).containsExactlyInAnyOrderElementsOf(generatedNames);
        for (String name : generatedNames) {
            assertThat(Files.readString(committed.resolve(name))).as(HOW_TO_FIX + " (" + name + ")")
                    .isEqualTo(Files.readString(generated.resolve(name)));
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).sorted().toList();
        }
    }
}
