package org.juryroom.audit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log names every action in words: an action added without a label would show its code
 * name to an organiser. (Each label's presence in en, hi and bn is {@code BundlesTest}'s part.)
 */
class AuditActionLabelsTest {

    @Test
    void everyActionHasALabelInTheAuditLog() throws IOException {
        String tag;
        try (InputStream in = getClass().getResourceAsStream("/templates/tags/auditAction.html")) {
            assertThat(in).isNotNull();
            tag = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String labelled = tag;
        assertThat(Arrays.stream(AuditAction.values()).map(Enum::name)
                .filter(name -> !labelled.contains("{#case '" + name + "'}")))
                .as("actions the audit log would show by their code names").isEmpty();
        assertThat(tag.strip()).endsWith("{#else}{it}{/switch}");
    }
}
