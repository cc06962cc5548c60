package dev.dlt.operator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a report in headless Chromium (Debian package {@code chromium}): the DOM it built holds every
 * chart's lines, and its screenshot shows them (pixels of the first series' colour well beyond what
 * the legends take). Skipped without Chromium, unless {@code DLT_TEST_CHROMIUM_REQUIRED=true} (CI).
 * With {@code -Ddlt.report.screenshot=<file>} the screenshot is kept there.
 */
class RunReportInChromiumTest {

    private static final int BLUE = 0x1f77b4;

    @Test
    void chartsRenderInHeadlessChromium(@TempDir Path dir) throws Exception {
        Path browser = chromium().orElseGet(() -> {
            if ("true".equals(System.getenv("DLT_TEST_CHROMIUM_REQUIRED"))) {
                fail("DLT_TEST_CHROMIUM_REQUIRED=true but no chromium on the PATH (apt-get install chromium)");
            }
            Assumptions.abort("no chromium on the PATH");
            return null;
        });
        Path html = dir.resolve("report.html");
        Files.writeString(html, ReportFixtures.report(), StandardCharsets.UTF_8);

        String dom = run(dir, browser, "--dump-dom", html.toUri().toString());
        Document rendered = Jsoup.parse(dom);
        assertThat(rendered.select("svg.chart")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(rendered.select("svg.chart polyline.series")).allSatisfy(line -> assertThat(line.attr("points")).contains(","));

        Path png = dir.resolve("report.png");
        run(dir, browser, "--window-size=1000,2600", "--hide-scrollbars", "--screenshot=" + png, html.toUri().toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG screenshot").isNotNull();
        int blue = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (close(rgb, BLUE)) {
                    blue++;
                }
            }
        }
        assertThat(colours.size()).as("not a uniform page").isGreaterThan(50);
        // five charts' legends take 5 x 100 pixels of it; their lines several thousand
        assertThat(blue).as("pixels of the first series' lines").isGreaterThan(2_000);
        String keep = System.getProperty("dlt.report.screenshot");
        if (keep != null && !keep.isBlank()) {
            Files.copy(png, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean close(int rgb, int wanted) {
        int dr = ((rgb >> 16) & 0xff) - ((wanted >> 16) & 0xff);
        int dg = ((rgb >> 8) & 0xff) - ((wanted >> 8) & 0xff);
        int db = (rgb & 0xff) - (wanted & 0xff);
        return dr * dr + dg * dg + db * db < 40 * 40;
    }

    private static String run(Path dir, Path browser, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + dir.resolve("profile")));
        command.addAll(List.of(args));
        File out = dir.resolve("chromium.out").toFile();
        Process process = new ProcessBuilder(command).redirectOutput(out).redirectError(dir.resolve("chromium.err").toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish within 120 s: " + command);
        }
        assertThat(process.exitValue()).as("chromium exit code; stderr: " + Files.readString(dir.resolve("chromium.err"))).isZero();
        return Files.readString(out.toPath());
    }

    private static Optional<Path> chromium() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of("chromium", "chromium-browser").flatMap(name -> Stream.of(path.split(File.pathSeparator))
                .map(d -> Path.of(d, name))).filter(Files::isExecutable).findFirst();
    }
}
