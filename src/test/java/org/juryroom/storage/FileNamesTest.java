package org.juryroom.storage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {

    @Test
    void namesThatHideAScriptExtensionAreNamed() {
        assertThat(FileNames.hiddenType("a.php%00.jpg")).isEqualTo("its name contains a NUL byte");
        assertThat(FileNames.hiddenType("a.php\u0000.jpg")).isEqualTo("its name contains a NUL byte");
        assertThat(FileNames.hiddenType("a.PHP.jpg")).isEqualTo("its name hides the extension '.php'");
        assertThat(FileNames.hiddenType("photos/x.html.png")).isEqualTo("its name hides the extension '.html'");
    }

    @Test
    void ordinaryNamesPass() {
        assertThat(FileNames.hiddenType("poster.jpg")).isNull();
        assertThat(FileNames.hiddenType("my.final.poster.v2.png")).isNull();
        assertThat(FileNames.hiddenType("php.png")).as("a base name that happens to be an extension").isNull();
        assertThat(FileNames.hiddenType("essay_js_club.pdf")).isNull();
        assertThat(FileNames.hiddenType(null)).isNull();
    }

    @Test
    void theFinalExtensionIsLeftToTheContentCheck() {
        // a.jpg.php ends in .php: the type-by-content check refuses it with the expected extensions.
        assertThat(FileNames.hiddenType("a.jpg.php")).isNull();
    }

    @Test
    void aLongNameIsShortenedBetweenCharactersNeverInsideOne() {
        // Each emoji is two UTF-16 units: a cut by units would leave half of one (an unpaired surrogate).
        for (String prefix : new String[] {"", "a"}) {
            String name = FileNames.sanitise(prefix + "\uD83D\uDE00".repeat(130) + ".JPG");
            assertThat(name.codePoints()).noneMatch(cp -> Character.getType(cp) == Character.SURROGATE);
            assertThat(name.codePointCount(0, name.length())).isEqualTo(FileNames.MAX_LENGTH);
            assertThat(name).endsWith("\uD83D\uDE00.jpg");
        }
        String noExtension = FileNames.sanitise("\uD83D\uDE00".repeat(200));
        assertThat(noExtension.codePoints()).noneMatch(cp -> Character.getType(cp) == Character.SURROGATE).hasSize(FileNames.MAX_LENGTH);
        assertThat(FileNames.sanitise("x." + "y".repeat(300))).hasSize(FileNames.MAX_LENGTH); // no room for the extension
    }
}
