package dev.dlt.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the suite ran on: processors, CPU model, memory, JDK and the load average when it started. */
record Machine(int processors, String cpuModel, long memoryMib, String jdk, String loadAverage) {

    static Machine describe() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemoryMib(),
                System.getProperty("java.vm.vendor") + " " + Runtime.version(), currentLoadAverage());
    }

    private static String readCpuModel() {
        return lines("/proc/cpuinfo").stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
    }

    private static long readMemoryMib() {
        return lines("/proc/meminfo").stream().filter(l -> l.startsWith("MemTotal:")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).orElse(-1L);
    }

    static String currentLoadAverage() {
        List<String> load = lines("/proc/loadavg");
        return load.isEmpty() ? "unknown" : String.join(" ", List.of(load.get(0).split(" ")).subList(0, 3));
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }

    String summary() {
        return String.format("%d CPUs (nproc), %s, %,d MiB memory, JDK %s; load average %s at the start",
                processors, cpuModel, memoryMib, jdk, loadAverage);
    }
}
