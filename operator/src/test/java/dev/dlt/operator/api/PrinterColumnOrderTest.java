package dev.dlt.operator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** kubectl get shows the LoadTest columns in the order LoadTest declares them, not sorted by JSON path. */
class PrinterColumnOrderTest {

    @Test
    void theCommittedCrdListsTheColumnsInTheDeclaredOrder() throws Exception {
        String crd = Files.readString(Path.of(System.getProperty("dlt.crds.committed", "../crds"), "loadtests.load.dlt.dev-v1.yml"));
        List<String> names = crd.lines().dropWhile(l -> !l.equals("  - additionalPrinterColumns:"))
                .takeWhile(l -> !l.equals("    name: \"v1alpha1\"")).filter(l -> l.startsWith("      name: "))
                .map(l -> l.substring("      name: ".length()).replace("\"", "")).toList();
        assertThat(names).containsExactly("Phase", "Verdict", "Workers", "RPS", "P95", "Errors%", "Next Run", "Age", "Requests");
        assertThat(PrinterColumnOrder.declared()).startsWith(".status.phase", ".status.result.verdict", ".status.workers");
    }

    @Test
    void movesWholeEntriesAndNothingElse() {
        String generated = """
                  versions:
                  - additionalPrinterColumns:
                    - jsonPath: ".a"
                      name: "A"
                    - jsonPath: ".b"
                      name: "B"
                    name: "v1alpha1"
                    schema: {}
                """;
        assertThat(PrinterColumnOrder.reorder(generated, List.of(".b", ".a"))).isEqualTo("""
                  versions:
                  - additionalPrinterColumns:
                    - jsonPath: ".b"
                      name: "B"
                    - jsonPath: ".a"
                      name: "A"
                    name: "v1alpha1"
                    schema: {}
                """);
        assertThatThrownBy(() -> PrinterColumnOrder.reorder(generated, List.of(".a"))).hasMessageContaining(".b is not declared");
    }
}
