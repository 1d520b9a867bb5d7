package org.juryroom.web.organiser;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The form's kinds of work become the category's types, keeping a narrower choice that was made before. */
class CompetitionFormKindsTest {

    @Test
    void aKindTickedGetsItsTypesAndKeepsANarrowerSet() {
        assertThat(CompetitionForm.postedTypes(List.of("", "IMAGES", "PDF"), List.of()))
                .containsExactly("image/jpeg", "image/png", "image/webp", "application/pdf");
        assertThat(CompetitionForm.postedTypes(List.of("", "IMAGES"), List.of("image/jpeg", "image/png", "video/mp4")))
                .containsExactly("image/jpeg", "image/png");
        assertThat(CompetitionForm.postedTypes(List.of(""), List.of("image/jpeg"))).isEmpty();
        // A client that posts exact types (no kinds field at all) keeps them.
        assertThat(CompetitionForm.postedTypes(List.of(), List.of("video/webm"))).containsExactly("video/webm");
    }
}
