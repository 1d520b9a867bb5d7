package org.juryroom.dataaccess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.juryroom.consent.GuardianConsent;
import org.juryroom.entry.JuryRedaction;
import org.juryroom.entry.Participant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An access-request file for one child of a group entry (docs/privacy.md, "Access requests"): the
 * guardian who asks gets their own child's data and their own record, never another family's. The
 * other children's names and their guardians' details are hidden ({@link JuryRedaction#MARK}) wherever
 * the entry's texts and history hold them (title, statement, file names, audit values), with the grade
 * that goes with such a name; audit events about another child's place (its consent, another guardian's
 * access request) are left out. Values this child and guardian share with the others (a sibling's
 * guardian, a common surname) are the asker's own and stay.
 */
final class OneChild {

    private static final String FIRST_NAME = "firstName";
    private static final String GRADE = "grade";
    private static final String POSITION = "position";
    private static final String CONSENT_ID = "consentId";

    final Participant child;
    /** This child's guardian's record; null when none is held. */
    final GuardianConsent record;
    private final List<String> hidden;

    private OneChild(Participant child, GuardianConsent record, List<String> hidden) {
        this.child = child;
        this.record = record;
        this.hidden = hidden;
    }

    /**
     * {@code pastNames}: the first names the entry's trail holds (its creation and changes record every child):
     * a child removed or renamed since is another family's too, so every one but this child's is hidden.
     */
    static OneChild of(Participant child, List<Participant> children, List<GuardianConsent> records,
                       List<String> pastNames) {
        GuardianConsent own = records.stream().filter(r -> r.participant != null && r.participant.id.equals(child.id))
                .findFirst().orElse(null);
        Set<String> mine = new HashSet<>();
        terms(child, own).forEach(t -> mine.add(JuryRedaction.fold(t)));
        List<String> hidden = new ArrayList<>();
        for (Participant other : children) {
            if (other != child) {
                GuardianConsent theirs = records.stream()
                        .filter(r -> r.participant != null && r.participant.id.equals(other.id)).findFirst().orElse(null);
                terms(other, theirs).stream().filter(t -> !mine.contains(JuryRedaction.fold(t))).forEach(hidden::add);
            }
        }
        pastNames.stream().filter(Objects::nonNull).filter(n -> !n.isBlank())
                .filter(n -> !mine.contains(JuryRedaction.fold(n))).forEach(hidden::add);
        // Records whose child is gone are another family's too.
        records.stream().filter(r -> r.participant == null).forEach(r -> terms(null, r).stream()
                .filter(t -> !mine.contains(JuryRedaction.fold(t))).forEach(hidden::add));
        return new OneChild(child, own, List.copyOf(hidden));
    }

    /** What names a child and their guardian in a text: the first name, the guardian's name word by word, contacts. */
    private static List<String> terms(Participant p, GuardianConsent r) {
        List<String> terms = new ArrayList<>();
        if (p != null && p.firstName != null) {
            terms.add(p.firstName);
        }
        if (r != null) {
            terms.addAll(JuryRedaction.personName(r.guardianName));
            terms.add(r.guardianEmail);
            terms.add(r.guardianPhone);
            terms.add(r.verificationReference);
            // The school's note on how consent was checked is hidden where it is quoted whole, never word by
            // word: its ordinary words ("form", "school") are the asking family's words too.
            terms.add(r.verificationNote);
        }
        return terms.stream().filter(Objects::nonNull).filter(t -> !t.isBlank()).toList();
    }

    boolean isThisChild(Participant p) {
        return p.id.equals(child.id);
    }

    String text(String text) {
        return JuryRedaction.apply(text, hidden);
    }

    /** Whether an audit event is about another child's place: its consent record or another guardian's request. */
    boolean aboutAnother(JsonNode before, JsonNode after) {
        return another(before) || another(after);
    }

    private boolean another(JsonNode value) {
        if (value == null || !value.isObject()) {
            return false;
        }
        JsonNode position = value.get(POSITION);
        if (position != null && position.isInt() && position.asInt() != child.position) {
            return true;
        }
        JsonNode consent = value.get(CONSENT_ID);
        return consent != null && consent.isNumber() && (record == null || consent.asLong() != record.id);
    }

    /** The value with the others' names hidden, and the grade beside a hidden name dropped; null stays null. */
    JsonNode json(JsonNode value) {
        if (value == null) {
            return null;
        }
        JsonNode copy = value.deepCopy();
        return copy.isTextual() ? TextNode.valueOf(text(copy.asText())) : walk(copy);
    }

    private JsonNode walk(JsonNode node) {
        if (node instanceof ObjectNode object) {
            boolean hiddenName = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isTextual()) {
                    String shown = text(field.getValue().asText());
                    if (!shown.equals(field.getValue().asText())) {
                        field.setValue(TextNode.valueOf(shown));
                        hiddenName |= FIRST_NAME.equals(field.getKey());
                    }
                } else {
                    walk(field.getValue());
                }
            }
            if (hiddenName && object.has(GRADE)) {
                object.set(GRADE, NullNode.getInstance());
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                if (item.isTextual()) {
                    array.set(i, TextNode.valueOf(text(item.asText())));
                } else {
                    walk(item);
                }
            }
        }
        return node;
    }
}
