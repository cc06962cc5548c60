package dev.dlt.bench.suite;

/**
 * One line of the suite's table: what was measured, the DLT figure (median, min–max), the yardstick
 * it is compared with, their ratio, and the command that produced it.
 */
record Row(String what, String measured, String yardstick, String ratio, String command) {

    String markdown() {
        return "| " + String.join(" | ", what, measured, yardstick, ratio, "`" + command + "`") + " |";
    }
}
