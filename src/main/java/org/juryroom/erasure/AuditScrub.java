package org.juryroom.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Empties the personal values of an erased entry from the before/after values of its past audit
 * events: every field named like a personal field (whatever the event's shape) and every text that
 * holds one of the entry's personal values becomes "erased". What happened, when and by whom stays.
 */
final class AuditScrub {

    static final String ERASED = "erased";

    /** Fields that hold a child's, guardian's or file's personal data in any audited shape. */
    static final Set<String> PERSONAL_FIELDS = Set.of("participants", "firstName", "firstNames", "grade", "title",
            "statement", "attestedBy", "consentAttestedBy", "name", "displayName", "fileName", "terms",
            "juryRedactions", "guardianName", "guardianEmail", "guardianPhone", "email", "phone", "relationship",
            "verificationReference", "verificationNote", "reference", "note", "excerpt");

    /** Values shorter than this are erased where they are a field's whole value, not where they are part of a text. */
    private static final int MIN_CONTAINED = 3;

    private final List<String> exact;
    private final List<String> contained;

    AuditScrub(Collection<String> personalValues) {
        // Compared in the jury redaction's one folded form (normal forms, case, joiners), so an NFD copy is found too.
        this.exact = personalValues.stream().filter(Objects::nonNull).map(org.juryroom.entry.JuryRedaction::fold)
                .filter(v -> !v.isEmpty()).distinct().toList();
        // Whole words only ("Nam" must not wipe "publishName", nor "Mit" "SUBMITTED"), with the jury
        // redaction's matcher: a Bengali or Hindi name is found with its suffix too (অনন্যার, प्रियाने).
        this.contained = personalValues.stream().filter(Objects::nonNull).map(String::strip)
                .filter(v -> org.juryroom.entry.JuryRedaction.fold(v).codePointCount(0,
                        org.juryroom.entry.JuryRedaction.fold(v).length()) >= MIN_CONTAINED).distinct().toList();
    }

    /** The scrubbed copy of {@code node}, or null when nothing in it is personal (the row stays as it is). */
    JsonNode scrub(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        JsonNode copy = node.deepCopy();
        return walk(copy) ? copy : null;
    }

    private boolean walk(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                if (PERSONAL_FIELDS.contains(field.getKey()) && !value.isNull() && !isErased(value)) {
                    field.setValue(TextNode.valueOf(ERASED));
                    changed = true;
                } else if (value.isTextual() && personal(value.asText())) {
                    field.setValue(TextNode.valueOf(ERASED));
                    changed = true;
                } else {
                    changed |= walk(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual() && personal(value.asText())) {
                    array.set(i, TextNode.valueOf(ERASED));
                    changed = true;
                } else {
                    changed |= walk(value);
                }
            }
        }
        return changed;
    }

    private static boolean isErased(JsonNode value) {
        return value.isTextual() && ERASED.equals(value.asText());
    }

    boolean personal(String text) {
        if (ERASED.equals(text.toLowerCase(Locale.ROOT))) {
            return false;
        }
        return exact.contains(org.juryroom.entry.JuryRedaction.fold(text))
                || org.juryroom.entry.JuryRedaction.occursAny(text, contained.stream());
    }
}
