package org.juryroom.publishing.pdf;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;

class FontRunsTest {

    static final IntPredicate LATIN = cp -> cp < 0x0250 || Character.isWhitespace(cp);
    static final IntPredicate BENGALI = cp -> (cp >= 0x0980 && cp <= 0x09FF) || cp == ' ' || cp == 0x200C || cp == 0x200D;
    static final IntPredicate DEVANAGARI = cp -> (cp >= 0x0900 && cp <= 0x097F) || cp == ' ';
    static final List<IntPredicate> FACES = List.of(LATIN, BENGALI, DEVANAGARI);

    @Test
    void eachScriptGetsItsFaceAndSpacesStayInTheRun() {
        String s = "Poster: অনন্যার পোস্টার ज्ञानेश";
        List<FontRuns.Run> runs = FontRuns.split(s, FACES);
        assertThat(runs).extracting(FontRuns.Run::face).containsExactly(0, 1, 2);
        assertThat(s.substring(runs.get(1).start(), runs.get(1).end())).isEqualTo("অনন্যার পোস্টার ");
        assertThat(s.substring(runs.get(2).start(), runs.get(2).end())).isEqualTo("ज्ञानेश");
    }

    @Test
    void marksAndJoinersNeverStartARun() {
        // A virama + ZWJ + consonant, and a vowel sign after a Latin-looking mark position.
        String s = "র\u09CD\u200Dয ক\u0301";
        List<FontRuns.Run> runs = FontRuns.split(s, FACES);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).face()).isEqualTo(1);
    }

    @Test
    void nothingHasItFallsBackToTheFirstFace() {
        assertThat(FontRuns.split("\u4E2D", FACES)).containsExactly(new FontRuns.Run(0, 0, 1));
        assertThat(FontRuns.split("", FACES)).isEmpty();
    }
}
