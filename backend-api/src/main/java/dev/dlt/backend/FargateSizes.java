package dev.dlt.backend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Worker sizes as Kubernetes quantities and as Fargate task sizes (CPU units and MiB). */
public final class FargateSizes {

    /** The task CPU values Fargate accepts, in CPU units (1024 per vCPU). */
    public static final List<Long> FARGATE_CPU_UNITS = List.of(256L, 512L, 1024L, 2048L, 4096L, 8192L, 16384L);

    private FargateSizes() {
    }

    /** CPU units of a quantity such as {@code 1}, {@code 0.5} or {@code 512m}; null when it is not one. */
    public static Long cpuUnits(String quantity) {
        try {
            BigDecimal cores = quantity.endsWith("m") ? new BigDecimal(quantity.substring(0, quantity.length() - 1)).movePointLeft(3)
                    : new BigDecimal(quantity);
            return cores.multiply(BigDecimal.valueOf(1024)).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** MiB of a memory quantity such as {@code 2Gi}, {@code 4096Mi} or {@code 512M}; null when it is not one. */
    public static Long memoryMib(String quantity) {
        String[][] suffixes = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
                {"k", "1000"}, {"M", "1000000"}, {"G", "1000000000"}, {"T", "1000000000000"}};
        try {
            for (String[] s : suffixes) {
                if (quantity.endsWith(s[0])) {
                    return bytesToMib(new BigDecimal(quantity.substring(0, quantity.length() - s[0].length())).multiply(new BigDecimal(s[1])));
                }
            }
            return bytesToMib(new BigDecimal(quantity));
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static long bytesToMib(BigDecimal bytes) {
        return bytes.divide(BigDecimal.valueOf(1048576), 0, RoundingMode.DOWN).longValueExact();
    }

    /** Whether Fargate runs a task of this CPU (units) and memory (MiB). */
    public static boolean fargatePair(long cpu, long memory) {
        long[] range = range(cpu);
        return range != null && memory >= range[0] && memory <= range[1] && (memory - range[0]) % range[2] == 0
                // 0.25 vCPU takes 512 MiB, then whole GiB
                && (cpu != 256 || memory == 512 || memory % 1024 == 0);
    }

    /** The memory sizes Fargate accepts with this CPU, for messages. */
    public static String fargateMemoryRange(long cpu) {
        long[] range = range(cpu);
        return range == null ? "none" : range[0] + " to " + range[1] + " MiB in steps of " + (cpu == 256 ? 1024 : range[2]) + " MiB";
    }

    private static long[] range(long cpu) {
        return switch ((int) cpu) {
            case 256 -> new long[] {512, 2048, 512};
            case 512 -> new long[] {1024, 4096, 1024};
            case 1024 -> new long[] {2048, 8192, 1024};
            case 2048 -> new long[] {4096, 16384, 1024};
            case 4096 -> new long[] {8192, 30720, 1024};
            case 8192 -> new long[] {16384, 61440, 4096};
            case 16384 -> new long[] {32768, 122880, 8192};
            default -> null;
        };
    }
}
