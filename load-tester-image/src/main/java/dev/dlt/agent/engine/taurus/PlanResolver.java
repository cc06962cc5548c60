package dev.dlt.agent.engine.taurus;

import dev.dlt.agent.engine.ScenarioFiles;
import dev.dlt.results.scenario.JmeterPlanCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns the scenario's {@code script} (a {@code .jmx}, or a {@code .zip} with the plan, its data files
 * and a {@code plugins/} folder, stored next to the scenario) into a checked plan on disk, and
 * gives the zip's plugin jars a JMeter home of their own ({@link RunJmeterHome}).
 */
final class PlanResolver {

    static final String PLAN_FOLDER = "plan";
    static final String PLUGINS = "plugins";
    /** Where a plan with plugins gets its own JMeter home, in the worker's work dir. */
    static final String JMETER_HOME = "jmeter-home";
    private static final Logger LOG = Logger.getLogger(PlanResolver.class.getName());

    private final Path jmeterHome;
    private final PlanArchive archive;

    PlanResolver(Path jmeterHome, PlanArchive archive) {
        this.jmeterHome = jmeterHome;
        this.archive = archive;
    }

    JmeterPlan resolve(String script, ScenarioFiles files, Path workDir) throws IOException {
        if (script.isBlank() || script.contains("/") || script.contains("\\") || script.startsWith(".")) {
            throw new IOException("script '" + script + "' must be the file name of a plan stored next to the scenario");
        }
        String type = script.toLowerCase(Locale.ROOT);
        Path folder = Files.createDirectories(workDir.resolve(PLAN_FOLDER));
        if (type.endsWith(".jmx")) {
            Path jmx = folder.resolve(script);
            files.fetch(script, jmx);
            JmeterPlanCheck.check(jmx, script);
            return new JmeterPlan(jmx);
        }
        if (!type.endsWith(".zip")) {
            throw new IOException("script '" + script + "' is neither a .jmx plan nor a .zip with one");
        }
        Path zip = workDir.resolve(script);
        files.fetch(script, zip);
        archive.extract(zip, folder, script);
        Path jmx = topMostPlan(folder.toRealPath(), script);
        JmeterPlanCheck.check(jmx, script + ": " + folder.toRealPath().relativize(jmx));
        return new JmeterPlan(jmx, installPlugins(folder.toRealPath(), jmx.getParent(), script, workDir));
    }

    private static Path topMostPlan(Path folder, String zipName) throws IOException {
        List<Path> plans;
        try (Stream<Path> all = Files.walk(folder)) {
            plans = all.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jmx"))
                    .filter(p -> !macOsMetadata(folder.relativize(p)))
                    .sorted(Comparator.comparingInt(Path::getNameCount).thenComparing(Path::toString))
                    .toList();
        }
        if (plans.isEmpty()) {
            throw new IOException(zipName + " contains no .jmx file");
        }
        int top = plans.getFirst().getNameCount();
        List<Path> topLevel = plans.stream().filter(p -> p.getNameCount() == top).toList();
        if (topLevel.size() > 1) {
            throw new IOException(zipName + " contains several .jmx files at the same level ("
                    + topLevel.stream().map(p -> folder.relativize(p).toString()).collect(Collectors.joining(", "))
                    + "); it must contain exactly one plan");
        }
        if (plans.size() > 1) {
            LOG.info(() -> zipName + ": running " + folder.relativize(topLevel.getFirst()) + ", the top-most of " + plans.size() + " .jmx files");
        }
        return topLevel.getFirst();
    }

    /** Finder's "__MACOSX/" and "._name" files are resource forks, not plans. */
    private static boolean macOsMetadata(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals("__MACOSX") || part.toString().startsWith("._")) {
                return true;
            }
        }
        return false;
    }

    /** The JMeter home with the zip's plugins, or null when it has none (or there is no home to add them to). */
    private Path installPlugins(Path root, Path planFolder, String zipName, Path workDir) throws IOException {
        List<Path> jars = new ArrayList<>(jarsUnder(root.resolve(PLUGINS)));
        if (!planFolder.equals(root)) {
            jars.addAll(jarsUnder(planFolder.resolve(PLUGINS)));
        }
        if (jars.isEmpty()) {
            return null;
        }
        if (jmeterHome == null) {
            LOG.warning(() -> zipName + " has " + jars.size() + " plugin jar(s) but " + TaurusSettings.JMETER_HOME
                    + " is not set; not installing them");
            return null;
        }
        Path home = workDir.resolve(JMETER_HOME);
        try {
            RunJmeterHome.create(jmeterHome, home, jars);
        } catch (IOException e) {
            throw new IOException("cannot add the plugins of " + zipName + " to a copy of " + jmeterHome + " in " + home + ": " + e, e);
        }
        LOG.info(() -> "JMeter home " + home + ": " + jmeterHome + " with the plugins " + jars.stream().map(Path::getFileName).toList()
                + " of " + zipName);
        return home;
    }

    private static List<Path> jarsUnder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .filter(p -> !macOsMetadata(folder.relativize(p)))
                    .sorted()
                    .toList();
        }
    }
}
