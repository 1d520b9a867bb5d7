package org.juryroom.web.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * axe-core (the copy bundled with com.deque.html.axe-core:playwright) on the page as the journey
 * has it: every rule axe enables by default (WCAG 2.0–2.2 A/AA and best practices). A serious or
 * critical violation fails the journey, naming the rule and the elements; every violation, of any
 * impact, is written to target/axe/report.txt, one section per page. No rule is disabled.
 */
public final class Axe {

    static final Path REPORT = Path.of("target", "axe", "report.txt");
    static final Set<String> FAILING = Set.of("serious", "critical");

    private static boolean started;

    private Axe() {
    }

    /**
     * Checks the page as it is now; {@code what} names it in the report and in a failure. Returns the
     * ids of every rule violated, of any impact, for a journey that expects a minor one gone too.
     */
    public static List<String> check(Page page, String what) {
        page.waitForLoadState();
        AxeResults results = new AxeBuilder(page).analyze();
        if (results.isErrored()) {
            throw new AssertionError("axe could not check " + what + ": " + results.getErrorMessage());
        }
        List<String> failing = new ArrayList<>();
        List<String> violated = new ArrayList<>();
        StringBuilder section = new StringBuilder("== " + what + " (" + page.url() + ")\n");
        for (Rule rule : results.getViolations()) {
            String line = describe(rule);
            section.append(line);
            violated.add(rule.getId());
            if (FAILING.contains(rule.getImpact())) {
                failing.add(line);
            }
        }
        if (results.getViolations().isEmpty()) {
            section.append("   no violation\n");
        }
        append(section.toString());
        if (!failing.isEmpty()) {
            throw new AssertionError("axe: serious or critical violations on " + what + " (" + page.url() + "):\n"
                    + String.join("", failing));
        }
        return violated;
    }

    private static String describe(Rule rule) {
        StringBuilder s = new StringBuilder(" - " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + "\n");
        for (CheckedNode node : rule.getNodes()) {
            s.append("     ").append(node.getTarget()).append("  ").append(abbreviate(node.getHtml())).append('\n');
        }
        return s.toString();
    }

    private static String abbreviate(String html) {
        String one = html == null ? "" : html.replaceAll("\\s+", " ");
        return one.length() > 160 ? one.substring(0, 157) + "..." : one;
    }

    private static synchronized void append(String text) {
        try {
            Files.createDirectories(REPORT.getParent());
            if (!started) { // one report per run
                Files.deleteIfExists(REPORT);
                started = true;
            }
            Files.writeString(REPORT, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
