package org.juryroom.rounds;

import org.juryroom.common.Problem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a competition's list of rounds must look like, as pure logic: exactly one RUBRIC round (the
 * shortlist is frozen from it), SCREENING rounds only before it, at most one FINAL round and only
 * after it; each kind with exactly its own settings.
 */
public final class RoundRules {

    public static final int MAX_ROUNDS = 10;
    public static final int MAX_JURORS_PER_ENTRY = 50;
    public static final int MAX_NAME = 200;

    private RoundRules() {
    }

    /** One round as asked for; {@code id} null for a new round. */
    public record Spec(Long id, RoundKind kind, String name, Integer jurorsPerEntry, Integer quorum,
                       Integer advanceTop, Integer places, Integer mentions, Instant closesAt) {
    }

    /** Every rule the list breaks, each naming its field ({@code rounds[i].field}); empty if none. */
    public static List<Problem.Violation> violations(List<Spec> rounds, int shortlistSize) {
        List<Problem.Violation> out = new ArrayList<>();
        if (rounds == null || rounds.isEmpty()) {
            out.add(new Problem.Violation("rounds", "must list at least the RUBRIC round"));
            return out;
        }
        if (rounds.size() > MAX_ROUNDS) {
            out.add(new Problem.Violation("rounds", "at most " + MAX_ROUNDS + " rounds"));
        }
        int rubricAt = -1;
        int finals = 0;
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (int i = 0; i < rounds.size(); i++) {
            Spec r = rounds.get(i);
            String at = "rounds[" + i + "]";
            // One stored round in two places would be saved once, at the later place: a round lost, a gap left.
            if (r != null && r.id() != null && !ids.add(r.id())) {
                out.add(new Problem.Violation(at + ".id", "round " + r.id() + " is listed twice"));
            }
            if (r == null || r.kind() == null) {
                out.add(new Problem.Violation(at + ".kind", "must be SCREENING, RUBRIC or FINAL"));
                continue;
            }
            if (r.name() == null || r.name().isBlank() || r.name().length() > MAX_NAME) {
                out.add(new Problem.Violation(at + ".name", "must be 1 to " + MAX_NAME + " characters"));
            }
            switch (r.kind()) {
                case RUBRIC -> {
                    if (rubricAt >= 0) {
                        out.add(new Problem.Violation(at + ".kind", "only one RUBRIC round"));
                    }
                    rubricAt = i;
                    jurors(out, at, r.jurorsPerEntry(), false);
                    absent(out, at, "quorum", r.quorum(), "advanceTop", r.advanceTop(), "places", r.places(),
                            "mentions", r.mentions());
                }
                case SCREENING -> {
                    if (rubricAt >= 0 || finals > 0) {
                        out.add(new Problem.Violation(at + ".kind", "SCREENING rounds come before the RUBRIC round"));
                    }
                    jurors(out, at, r.jurorsPerEntry(), true);
                    if ((r.quorum() == null) == (r.advanceTop() == null)) {
                        out.add(new Problem.Violation(at + ".quorum",
                                "give exactly one of quorum (yes votes needed) and advanceTop (top N by yes share)"));
                    } else if (r.quorum() != null && (r.quorum() < 1
                            || (r.jurorsPerEntry() != null && r.quorum() > r.jurorsPerEntry()))) {
                        out.add(new Problem.Violation(at + ".quorum", "must be between 1 and jurorsPerEntry"));
                    } else if (r.advanceTop() != null && r.advanceTop() < 1) {
                        out.add(new Problem.Violation(at + ".advanceTop", "must be at least 1"));
                    }
                    absent(out, at, "places", r.places(), "mentions", r.mentions());
                }
                case FINAL -> {
                    if (rubricAt < 0) {
                        out.add(new Problem.Violation(at + ".kind", "the FINAL round comes after the RUBRIC round"));
                    }
                    if (++finals > 1) {
                        out.add(new Problem.Violation(at + ".kind", "only one FINAL round"));
                    }
                    if (r.places() == null || r.places() < 1) {
                        out.add(new Problem.Violation(at + ".places", "must be at least 1 (e.g. 3 for 1st to 3rd)"));
                    }
                    if (r.mentions() != null && r.mentions() < 0) {
                        out.add(new Problem.Violation(at + ".mentions", "must not be negative"));
                    }
                    int named = (r.places() == null ? 0 : r.places()) + (r.mentions() == null ? 0 : r.mentions());
                    if (named > shortlistSize) {
                        out.add(new Problem.Violation(at + ".places",
                                "places and mentions together exceed the shortlist of " + shortlistSize));
                    }
                    absent(out, at, "jurorsPerEntry", r.jurorsPerEntry(), "quorum", r.quorum(), "advanceTop",
                            r.advanceTop());
                }
            }
        }
        if (rubricAt < 0) {
            out.add(new Problem.Violation("rounds", "exactly one RUBRIC round is needed: the shortlist is frozen from it"));
        }
        return out;
    }

    /**
     * A closing time set or changed to one already past (a mistyped year, say): {@code stored} is each stored
     * round's closing time by id. A round sent back with the time it has kept stays valid after that time passes,
     * so that what GET gives can always be PUT back.
     */
    public static List<Problem.Violation> pastClosingTimes(List<Spec> rounds, java.util.Map<Long, Instant> stored,
                                                          Instant now) {
        List<Problem.Violation> out = new ArrayList<>();
        for (int i = 0; rounds != null && i < rounds.size(); i++) {
            Spec r = rounds.get(i);
            if (r != null && r.closesAt() != null && r.closesAt().isBefore(now)
                    && !(r.id() != null && stored.get(r.id()) != null && sameMinute(r.closesAt(), stored.get(r.id())))) {
                out.add(new Problem.Violation("rounds[" + i + "].closesAt", "must be in the future"));
            }
        }
        return out;
    }

    /** The page's form keeps times to the minute: a kept time sent back from it is the same time. */
    private static boolean sameMinute(Instant a, Instant b) {
        return a.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).equals(b.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
    }

    private static void jurors(List<Problem.Violation> out, String at, Integer k, boolean required) {
        if (k == null ? required : k < 1 || k > MAX_JURORS_PER_ENTRY) {
            out.add(new Problem.Violation(at + ".jurorsPerEntry", "must be between 1 and " + MAX_JURORS_PER_ENTRY));
        }
    }

    /** Pairs of (field name, value) that this kind of round does not take. */
    private static void absent(List<Problem.Violation> out, String at, Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                out.add(new Problem.Violation(at + "." + pairs[i], "does not apply to this kind of round"));
            }
        }
    }
}
