package org.juryroom.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step that cannot simply be taken back sits behind a confirmation: a {@code <details class="confirm">} whose
 * summary is the button and whose box says what will happen and holds the form. It is plain HTML, so it works
 * without the script, and it is the one pattern every such button uses.
 */
class DestructiveActionsConfirmTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** Template and what marks the step's form in it (its action, or the decision it sends). */
    private static final List<String[]> STEPS = List.of(
            new String[] {"organiser/finalRound.html", "action=\"/organiser/competitions/{c.id}/rounds/{page.roundId}/final/close\""},
            new String[] {"safeguarding/concern.html", "name=\"action\" value=\"RELEASED\""},
            new String[] {"safeguarding/concern.html", "name=\"action\" value=\"EXCLUDED\""},
            new String[] {"school/entry.html", "action=\"/school/entries/{e.id}/files/{f.id}/delete\""},
            new String[] {"account/tokens.html", "action=\"/account/tokens/{t.id}/revoke\""},
            new String[] {"organiser/entry.html", "action=\"/organiser/entries/{e.id}/files/{f.id}/review\""},
            // Those that had it already.
            new String[] {"school/entry.html", "action=\"/school/entries/{e.id}/withdraw\""},
            new String[] {"organiser/conflicts.html", "action=\"/organiser/competitions/{c.id}/conflicts/{k.id}/delete\""},
            new String[] {"organiser/rounds.html", "action=\"/organiser/competitions/{c.id}/rounds/{r.id}/close\""},
            new String[] {"organiser/dashboard.html", "action=\"/organiser/competitions/{c.id}/transitions\""});

    private static final Pattern OPEN = Pattern.compile("<details class=\"confirm[^\"]*\"[^>]*>");

    @Test
    void eachDestructiveStepIsBehindTheConfirmation() throws IOException {
        List<String> bare = new ArrayList<>();
        for (String[] step : STEPS) {
            String html = Files.readString(TEMPLATES.resolve(step[0]), StandardCharsets.UTF_8);
            int at = html.indexOf(step[1]);
            assertThat(at).as(step[0] + " " + step[1]).isNotNegative();
            if (!insideConfirmation(html, at)) {
                bare.add(step[0] + " " + step[1]);
            }
        }
        assertThat(bare).isEmpty();
    }

    /** The decisions about an entry are no longer a choice in the safeguarding lead's everyday form. */
    @Test
    void theLeadsEverydayFormDoesNotReleaseOrExclude() {
        var page = new org.juryroom.web.safeguarding.DeskPages.ConcernPage(null, Forms.Errors.NONE, "", "", "", "", "");
        assertThat(page.actions()).doesNotContain("RELEASED", "EXCLUDED").contains("TRIAGED", "REPORTED");
    }

    @Test
    void theCheckTellsAConfirmedFormFromABareOne() {
        String confirmed = "<details class=\"confirm\"><summary>Go</summary><div class=\"confirm-box\"><p>Sure?</p>"
                + "<form action=\"/x\"></form></div></details>";
        assertThat(insideConfirmation(confirmed, confirmed.indexOf("action=\"/x\""))).isTrue();
        String bare = "<details class=\"confirm\"><summary>Go</summary><div class=\"confirm-box\">"
                + "<form action=\"/y\"></form></div></details><form action=\"/x\"></form>";
        assertThat(insideConfirmation(bare, bare.indexOf("action=\"/x\""))).isFalse();
    }

    /** Inside a confirmation not yet closed, and inside its box (not its summary). */
    static boolean insideConfirmation(String html, int at) {
        String before = html.substring(0, at);
        int open = -1;
        Matcher m = OPEN.matcher(before);
        while (m.find()) {
            open = m.start();
        }
        if (open < 0) {
            return false;
        }
        String inside = before.substring(open);
        return !inside.contains("</details>") && inside.contains("<div class=\"confirm-box\">");
    }
}
