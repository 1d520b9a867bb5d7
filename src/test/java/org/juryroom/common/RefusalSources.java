package org.juryroom.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The refusals the code can say, read from its source: the message argument of every
 * {@code ProblemException} factory or constructor, every {@code new Problem(...)} and every
 * {@code Violation(field, message)}. A message built by concatenation, a ternary or
 * {@code String.format} becomes its possible shapes, with {@link #PART} where a value goes; a
 * message held in a variable or returned by a method cannot be read here and is reported as
 * {@link Site#indirect()} (the test lists where those sentences come from and checks them there).
 */
final class RefusalSources {

    /** Where a value is put into a sentence. */
    static final String PART = "\u0001";

    record Site(String file, int line, String call, String expression, List<String> shapes) {
        boolean indirect() {
            return shapes.stream().anyMatch(s -> s.replace(PART, "").isBlank());
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + call;
        }
    }

    private static final Pattern CALL = Pattern.compile(
            "ProblemException\\s*\\.\\s*(notFound|conflict|unprocessable|badRequest|tooLarge|unsupportedType|unavailable)\\s*\\("
                    + "|new\\s+(?:org\\.juryroom\\.common\\.)?(ProblemException|Problem|Problem\\.Violation|Violation)\\s*\\(");

    /**
     * Where a sentence starts that reaches a refusal through a variable or a helper: in files whose
     * path contains {@code file}, the argument {@code argument} of each call matching {@code call}
     * (-1: the last; for an assignment or a {@code return}, the expression up to its ';'), only inside
     * {@code method} when one is named.
     */
    record Relay(String file, String call, int argument, String method) {
    }

    static final List<Relay> RELAYS = List.of(
            new Relay("storage/scrub/", "new\\s+Rejected\\s*\\(", -1, null),
            new Relay("common/Page.java", "\\bbad\\s*\\(", 1, null),
            new Relay("common/NumberParams.java", "new\\s+BadParameter\\s*\\(", 1, null),
            new Relay("common/CsvImport.java", "new\\s+LineError\\s*\\(", 2, null),
            new Relay("common/TextRules.java", "static\\s+final\\s+String\\s+\\w+\\s*=", -1, null),
            new Relay("access/AccountLinks.java", "String\\s+refusal\\s*=", -1, null),
            new Relay("competition/CompetitionService.java", "\\bcheck\\s*\\(", 1, null),
            new Relay("common/ProblemMappers.java", "\\breturn\\b", -1, "expected"),
            new Relay("common/ProblemMappers.java", "\\breturn\\b", -1, "oneOf"),
            new Relay("judging/ScorecardService.java", "\\breturn\\b", -1, "inWords"),
            // The operation and the file store's action are words inside a sentence, translated in turn.
            new Relay("/", "\\brequireStatus\\s*\\(", 2, null),
            new Relay("judging/AssignmentService.java", "\\brequireAssignable\\s*\\(", 1, null),
            new Relay("storage/ObjectStore.java", "(?<![.\\w])unavailable\\s*\\(", 0, null),
            // A ballot's problems, one line each, from the pure Schulze module.
            new Relay("rounds/math/Schulze.java", "\\bout\\.add\\s*\\(", 0, "problems"));

    private RefusalSources() {
    }

    private static List<Site> relayed(String name, String code, Relay r) {
        String scope = code;
        int offset = 0;
        if (r.method() != null) {
            Matcher declared = Pattern.compile("\\b" + r.method() + "\\s*\\([^)]*\\)\\s*\\{").matcher(code);
            if (!declared.find()) {
                throw new IllegalStateException("no method " + r.method() + " in " + name);
            }
            offset = declared.end();
            scope = code.substring(offset, bodyEnd(code, declared.end() - 1));
        }
        List<Site> sites = new ArrayList<>();
        Matcher m = Pattern.compile(r.call()).matcher(scope);
        while (m.find()) {
            String message;
            if (m.group().endsWith("(")) {
                List<String> args = arguments(scope, m.end());
                if (args.isEmpty() || args.get(0).matches("[A-Z][\\w.<>]*\\s+\\w+")) {
                    continue; // the helper's own declaration
                }
                message = r.argument() < 0 ? args.get(args.size() - 1) : args.size() > r.argument() ? args.get(r.argument()) : null;
            } else {
                message = scope.substring(m.end(), scope.indexOf(';', m.end()));
            }
            if (message != null) {
                int line = (int) code.substring(0, offset + m.start()).chars().filter(c -> c == '\n').count() + 1;
                sites.add(new Site(name, line, m.group().replaceAll("\\s+", ""), message.strip(), shapes(message)));
            }
        }
        return sites;
    }

    private static int bodyEnd(String code, int open) {
        int end = matching(code, open, '{', '}');
        return end < 0 ? code.length() : end;
    }

    static List<Site> scan(Path root) {
        List<Site> sites = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = root.relativize(f).toString();
                if (name.endsWith("common/ProblemException.java") || name.endsWith("ranking/math/Violation.java")) {
                    continue; // the factories themselves; the scorecard arithmetic's record
                }
                String code = withoutComments(Files.readString(f, StandardCharsets.UTF_8));
                Matcher m = CALL.matcher(code);
                while (m.find()) {
                    List<String> args = arguments(code, m.end());
                    String message = message(m.group(1), m.group(2), args);
                    if (message != null) {
                        int line = (int) code.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                        sites.add(new Site(name, line, m.group().replaceAll("\\s+", ""), message, shapes(message)));
                    }
                }
                for (Relay r : RELAYS) {
                    if (name.contains(r.file())) {
                        sites.addAll(relayed(name, code, r));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sites;
    }

    /** The argument that is the sentence a person reads; null for a declaration, not a call. */
    private static String message(String factory, String constructor, List<String> args) {
        if (factory != null) {
            String first = args.isEmpty() ? null : args.get(0);
            return switch (factory) {
                case "notFound" -> first == null ? null : "(" + first + ") + \" does not exist or is not visible to you\"";
                // (field, message) or (detail, violations): a field is one plain word.
                case "unprocessable" -> args.size() == 2 && first.matches("\"[A-Za-z0-9_.\\[\\]]+\"|named|field")
                        ? args.get(1) : first;
                default -> first;
            };
        }
        return switch (constructor) {
            case "ProblemException" -> args.size() >= 3 ? args.get(2) : null;
            case "Problem" -> args.size() >= 4 ? args.get(3) : null;
            default -> args.size() == 2 && !args.get(0).startsWith("String ") ? args.get(1) : null;
        };
    }

    /** Top-level arguments of the call whose '(' ends at {@code from}. */
    static List<String> arguments(String code, int from) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                int end = literalEnd(code, i);
                current.append(code, i, end);
                i = end - 1;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    if (!current.toString().isBlank()) {
                        args.add(current.toString().strip());
                    }
                    return args;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return args;
    }

    /** The sentences an expression can make, {@link #PART} for each value. */
    static List<String> shapes(String expression) {
        String e = expression.strip();
        if (e.startsWith("(") && closing(e, 0) == e.length() - 1) {
            return shapes(e.substring(1, e.length() - 1));
        }
        int question = topLevel(e, '?', 0);
        if (question > 0) {
            int colon = ternaryColon(e, question + 1);
            Set<String> both = new LinkedHashSet<>(shapes(e.substring(question + 1, colon)));
            both.addAll(shapes(e.substring(colon + 1)));
            return List.copyOf(both);
        }
        List<String> parts = splitTopLevel(e, '+');
        if (parts.size() > 1) {
            List<String> result = List.of("");
            for (String part : parts) {
                List<String> next = new ArrayList<>();
                for (String prefix : result) {
                    for (String s : shapes(part)) {
                        next.add(join(prefix, s));
                    }
                }
                result = next;
            }
            return result;
        }
        if (e.startsWith("\"") && literalEnd(e, 0) == e.length()) {
            return List.of(unescape(e.substring(1, e.length() - 1)));
        }
        Matcher format = Pattern.compile("^String\\.format\\(\\s*(\"(?:[^\"\\\\]|\\\\.)*\")").matcher(e);
        if (format.find()) {
            return List.of(unescape(format.group(1).substring(1, format.group(1).length() - 1))
                    .replaceAll("%[-0-9.]*[sdf]", PART));
        }
        return List.of(PART);
    }

    private static String join(String a, String b) {
        if (a.endsWith(PART) && b.startsWith(PART)) {
            return a + b.substring(PART.length());
        }
        return a + b;
    }

    private static int topLevel(String e, char wanted, int from) {
        int depth = 0;
        for (int i = from; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '"' || c == '\'') {
                i = literalEnd(e, i) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == wanted && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int ternaryColon(String e, int from) {
        int nested = 0;
        int depth = 0;
        for (int i = from; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '"' || c == '\'') {
                i = literalEnd(e, i) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && c == '?') {
                nested++;
            } else if (depth == 0 && c == ':' && (i + 1 >= e.length() || e.charAt(i + 1) != ':')
                    && e.charAt(i - 1) != ':') {
                if (nested-- == 0) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("no ':' in " + e);
    }

    private static List<String> splitTopLevel(String e, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '"' || c == '\'') {
                i = literalEnd(e, i) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(e.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(e.substring(start));
        return parts;
    }

    private static int closing(String e, int open) {
        return matching(e, open, '(', ')');
    }

    /** The index of the bracket closing the one at {@code open} (literals skipped), or -1. */
    private static int matching(String code, int open, char in, char out) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = literalEnd(code, i) - 1;
            } else if (c == in) {
                depth++;
            } else if (c == out && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index just past the string or char literal starting at {@code start}. */
    private static int literalEnd(String code, int start) {
        char quote = code.charAt(start);
        if (quote == '"' && code.startsWith("\"\"\"", start)) {
            return code.indexOf("\"\"\"", start + 3) + 3;
        }
        for (int i = start + 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        return code.length();
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\'", "'").replace("\\n", "\n").replace("\\\\", "\\");
    }

    static String withoutComments(String code) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                int end = literalEnd(code, i);
                out.append(code, i, end);
                i = end - 1;
            } else if (code.startsWith("//", i)) {
                while (i < code.length() && code.charAt(i) != '\n') {
                    i++;
                }
                out.append('\n');
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                for (int j = i; j < end + 2; j++) {
                    if (code.charAt(j) == '\n') {
                        out.append('\n');
                    }
                }
                i = end + 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
