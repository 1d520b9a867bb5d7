package org.juryroom.ranking;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import org.junit.jupiter.api.Test;
import org.juryroom.rounds.RoundService;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The freeze seals every scorecard (500,000 in a national competition): whichever way it starts — the API, the
 * ranking page, closing the rubric round — its transaction has the same 900 s, not the default 60 s that only the
 * API's way had lifted.
 */
class FreezeTimeoutTest {

    @Test
    void everyWayIntoTheFreezeHasItsTimeout() {
        List<Method> ways = new ArrayList<>();
        for (Method m : ShortlistService.class.getDeclaredMethods()) {
            if (m.getName().equals("freeze") && Modifier.isPublic(m.getModifiers())) {
                ways.add(m);
            }
        }
        for (Method m : RoundService.class.getDeclaredMethods()) {
            if (m.getName().equals("close") && Modifier.isPublic(m.getModifiers())) {
                ways.add(m);
            }
        }
        assertThat(ways).as("the API's and the page's freeze, and the round's close").hasSizeGreaterThanOrEqualTo(3);
        for (Method m : ways) {
            TransactionConfiguration config = m.getAnnotation(TransactionConfiguration.class);
            assertThat(config).as(m.toString()).isNotNull();
            assertThat(config.timeout()).as(m.toString()).isEqualTo(900);
        }
    }
}
