package dev.dlt.agent.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Dockerfile read the way docker reads one: continued lines joined, comments dropped, ARG defaults substituted. */
record Dockerfile(List<Instruction> instructions, Map<String, String> args) {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");

    /** One instruction: its keyword in upper case and its arguments with ARG defaults substituted. */
    record Instruction(String keyword, String arguments) {
    }

    static Dockerfile read(Path file) throws IOException {
        List<String> logical = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty() && current.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                logical.add(current.append(trimmed).toString().strip());
                current.setLength(0);
            }
        }
        Map<String, String> args = new LinkedHashMap<>();
        List<Instruction> instructions = new ArrayList<>();
        for (String line : logical) {
            String[] parts = line.split("\\s+", 2);
            String keyword = parts[0].toUpperCase(java.util.Locale.ROOT);
            String arguments = parts.length > 1 ? substitute(parts[1], args) : "";
            if (keyword.equals("ARG") && arguments.contains("=")) {
                args.put(arguments.substring(0, arguments.indexOf('=')), arguments.substring(arguments.indexOf('=') + 1));
            }
            instructions.add(new Instruction(keyword, arguments));
        }
        return new Dockerfile(instructions, args);
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    int indexOfLast(String keyword) {
        for (int i = instructions.size() - 1; i >= 0; i--) {
            if (instructions.get(i).keyword().equals(keyword)) {
                return i;
            }
        }
        return -1;
    }

    /** The variables the ENV instructions set, in the {@code NAME=value} form. */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (Instruction instruction : all("ENV")) {
            for (String pair : instruction.arguments().split("\\s+")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    env.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
        }
        return env;
    }

    private static String substitute(String text, Map<String, String> args) {
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1) != null ? variable.group(1) : variable.group(2);
            variable.appendReplacement(result, Matcher.quoteReplacement(args.getOrDefault(name, variable.group())));
        }
        return variable.appendTail(result).toString();
    }
}
