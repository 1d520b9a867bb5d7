package org.juryroom.storage;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Types become the words people use, in one place, for every message that names them. */
class FileTypesTest {

    @Test
    void aCategoryIsDescribedInWordsByKind() {
        assertThat(FileTypes.describe(List.of("image/webp", "image/jpeg", "image/png")))
                .isEqualTo("JPEG, PNG or WebP images");
        assertThat(FileTypes.describe(List.of("application/pdf"))).isEqualTo("PDF documents");
        assertThat(FileTypes.describe(List.of("video/webm", "video/mp4"))).isEqualTo("MP4 or WebM videos");
        assertThat(FileTypes.describe(List.of("image/jpeg", "application/pdf", "video/mp4")))
                .isEqualTo("JPEG images, PDF documents or MP4 videos");
    }

    @Test
    void aFileIsNamedWithoutItsMimeType() {
        assertThat(FileTypes.phrase("image/png")).isEqualTo("a PNG image");
        assertThat(FileTypes.phrase("application/pdf")).isEqualTo("a PDF document");
        assertThat(FileTypes.phrase("text/plain")).isEqualTo("another kind of file").doesNotContain("/");
        for (String type : FileTypes.SUPPORTED) {
            assertThat(FileTypes.phrase(type)).doesNotContain("/");
            assertThat(FileTypes.Kind.valueOf(kindOf(type)).types).contains(type);
        }
    }

    @Test
    void everyNameComesFromTheCatalogueInTheReadersLanguage() {
        assertThat(FileTypes.name("text/plain", "hi")).isEqualTo("किसी और प्रकार की फ़ाइल");
        assertThat(FileTypes.name("text/plain", "bn")).isEqualTo("অন্য ধরনের ফাইল");
        assertThat(FileTypes.name(null, "en")).isEqualTo("another kind of file");
        for (String language : List.of("en", "hi", "bn")) {
            for (String type : FileTypes.SUPPORTED) {
                assertThat(FileTypes.name(type, language)).isNotBlank().doesNotContain("/");
            }
        }
        assertThat(FileTypes.name("image/webp")).isEqualTo("WebP");
    }

    private static String kindOf(String type) {
        for (FileTypes.Kind k : FileTypes.Kind.values()) {
            if (k.types.contains(type)) {
                return k.name();
            }
        }
        throw new AssertionError(type + " has no kind");
    }
}
