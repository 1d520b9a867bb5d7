package org.juryroom.judging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The planner's invariants on generated competitions of hundreds of entries. */
class AssignmentPlannerTest {

    private static final List<String> CATEGORIES = List.of("poster", "essay", "video");

    record Generated(List<AssignmentPlanner.EntryToAssign> entries, List<AssignmentPlanner.JurorSlot> jurors,
                     Map<Long, Set<Long>> conflicts) {
    }

    static Generated generate(long seed, int entries, int jurors, int schools, double conflictRate,
                              boolean panels) {
        Random random = new Random(seed);
        List<AssignmentPlanner.EntryToAssign> e = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            e.add(new AssignmentPlanner.EntryToAssign(1000 + i, 1 + random.nextInt(schools),
                    CATEGORIES.get(random.nextInt(CATEGORIES.size()))));
        }
        List<AssignmentPlanner.JurorSlot> j = new ArrayList<>();
        Map<Long, Set<Long>> conflicts = new HashMap<>();
        for (int i = 0; i < jurors; i++) {
            long id = 500 + i;
            Set<String> cats = panels && i % 3 == 0 ? Set.of(CATEGORIES.get(i % CATEGORIES.size())) : Set.of();
            j.add(new AssignmentPlanner.JurorSlot(id, cats));
            for (int s = 1; s <= schools; s++) {
                if (random.nextDouble() < conflictRate) {
                    conflicts.computeIfAbsent(id, x -> new HashSet<>()).add((long) s);
                }
            }
        }
        return new Generated(e, j, conflicts);
    }

    private static boolean eligible(AssignmentPlanner.JurorSlot j, AssignmentPlanner.EntryToAssign e,
                                    Map<Long, Set<Long>> conflicts) {
        return !conflicts.getOrDefault(j.jurorId(), Set.of()).contains(e.schoolId())
                && (j.categories().isEmpty() || j.categories().contains(e.categoryCode()));
    }

    private static Map<Long, List<Long>> byEntry(List<AssignmentPlanner.Pair> pairs) {
        Map<Long, List<Long>> out = new HashMap<>();
        pairs.forEach(p -> out.computeIfAbsent(p.entryId(), x -> new ArrayList<>()).add(p.jurorId()));
        return out;
    }

    private static Map<Long, Integer> loads(List<AssignmentPlanner.JurorSlot> jurors, List<AssignmentPlanner.Pair> pairs) {
        Map<Long, Integer> load = new HashMap<>();
        jurors.forEach(j -> load.put(j.jurorId(), 0));
        pairs.forEach(p -> load.merge(p.jurorId(), 1, Integer::sum));
        return load;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void withoutConflictsEveryEntryGetsKDistinctJurorsAndLoadsDifferByAtMostOne(long seed) {
        Generated g = generate(seed, 300 + (int) seed * 73, 17 + (int) seed, 40, 0.0, false);
        int k = 3;
        AssignmentPlanner.Plan plan = AssignmentPlanner.plan(g.entries(), g.jurors(), Map.of(), Map.of(), k, seed);
        Map<Long, List<Long>> byEntry = byEntry(plan.added());
        assertThat(plan.shortBy()).isEmpty();
        for (AssignmentPlanner.EntryToAssign e : g.entries()) {
            assertThat(byEntry.get(e.entryId())).hasSize(k).doesNotHaveDuplicates();
        }
        Map<Long, Integer> load = loads(g.jurors(), plan.added());
        int max = load.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int min = load.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1);
        assertThat(plan.added()).hasSize(g.entries().size() * k);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14})
    void withConflictsAndPanelsNobodyScoresTheirOwnSchoolOrAnotherCategoryAndShortfallsAreReported(long seed) {
        Generated g = generate(seed, 400, 14, 30, 0.15, true);
        int k = 4;
        AssignmentPlanner.Plan plan = AssignmentPlanner.plan(g.entries(), g.jurors(), Map.of(), g.conflicts(), k, seed);
        Map<Long, List<Long>> byEntry = byEntry(plan.added());
        Map<Long, AssignmentPlanner.JurorSlot> jurorsById = new HashMap<>();
        g.jurors().forEach(j -> jurorsById.put(j.jurorId(), j));
        for (AssignmentPlanner.EntryToAssign e : g.entries()) {
            List<Long> got = byEntry.getOrDefault(e.entryId(), List.of());
            assertThat(got).doesNotHaveDuplicates();
            got.forEach(j -> assertThat(eligible(jurorsById.get(j), e, g.conflicts()))
                    .as("juror %d on entry %d", j, e.entryId()).isTrue());
            long eligibleCount = g.jurors().stream().filter(j -> eligible(j, e, g.conflicts())).count();
            assertThat(got).hasSize((int) Math.min(k, eligibleCount));
            if (eligibleCount < k) {
                assertThat(plan.shortBy()).containsEntry(e.entryId(), (int) (k - eligibleCount));
            } else {
                assertThat(plan.shortBy()).doesNotContainKey(e.entryId());
            }
        }
        // Unrestricted jurors absorb the work evenly where conflicts allow.
        Map<Long, Integer> load = loads(g.jurors(), plan.added());
        List<Integer> unrestricted = g.jurors().stream().filter(j -> j.categories().isEmpty())
                .map(j -> load.get(j.jurorId())).toList();
        assertThat(unrestricted.stream().mapToInt(Integer::intValue).max().orElseThrow()
                - unrestricted.stream().mapToInt(Integer::intValue).min().orElseThrow()).isLessThanOrEqualTo(2);
    }

    @Test
    void sameSeedSamePlanAndReRunningAddsNothing() {
        Generated g = generate(21, 500, 20, 50, 0.05, true);
        AssignmentPlanner.Plan a = AssignmentPlanner.plan(g.entries(), g.jurors(), Map.of(), g.conflicts(), 3, 99);
        List<AssignmentPlanner.EntryToAssign> reversed = new ArrayList<>(g.entries());
        java.util.Collections.reverse(reversed);
        AssignmentPlanner.Plan b = AssignmentPlanner.plan(reversed, g.jurors(), Map.of(), g.conflicts(), 3, 99);
        assertThat(b.added()).containsExactlyInAnyOrderElementsOf(a.added());
        AssignmentPlanner.Plan other = AssignmentPlanner.plan(g.entries(), g.jurors(), Map.of(), g.conflicts(), 3, 100);
        assertThat(other.added()).isNotEqualTo(a.added());

        Map<Long, Set<Long>> existing = new HashMap<>();
        a.added().forEach(p -> existing.computeIfAbsent(p.entryId(), x -> new HashSet<>()).add(p.jurorId()));
        AssignmentPlanner.Plan again = AssignmentPlanner.plan(g.entries(), g.jurors(), existing, g.conflicts(), 3, 7);
        assertThat(again.added()).isEmpty();
        assertThat(again.shortBy()).isEqualTo(a.shortBy());
    }

    @Test
    void topUpReplacesDroppedJurorsWithSomeoneNewAndKeepsTheRest() {
        Generated g = generate(31, 200, 12, 20, 0.0, false);
        AssignmentPlanner.Plan first = AssignmentPlanner.plan(g.entries(), g.jurors(), Map.of(), Map.of(), 3, 1);
        Map<Long, Set<Long>> counted = new HashMap<>();
        first.added().forEach(p -> counted.computeIfAbsent(p.entryId(), x -> new HashSet<>()).add(p.jurorId()));
        // One juror of each of the first 50 entries abstains: they stop counting and may not be picked again.
        Map<Long, Set<Long>> excluded = new HashMap<>();
        List<AssignmentPlanner.EntryToAssign> affected = g.entries().subList(0, 50);
        for (AssignmentPlanner.EntryToAssign e : affected) {
            long dropped = counted.get(e.entryId()).iterator().next();
            counted.get(e.entryId()).remove(dropped);
            excluded.put(e.entryId(), Set.of(dropped));
        }
        AssignmentPlanner.Plan topUp = AssignmentPlanner.plan(affected, g.jurors(), counted, excluded, Map.of(), 3, 1);
        Map<Long, List<Long>> added = byEntry(topUp.added());
        for (AssignmentPlanner.EntryToAssign e : affected) {
            assertThat(added.get(e.entryId())).hasSize(1);
            long newJuror = added.get(e.entryId()).get(0);
            assertThat(excluded.get(e.entryId())).doesNotContain(newJuror);
            assertThat(counted.get(e.entryId())).doesNotContain(newJuror);
        }
    }
}
