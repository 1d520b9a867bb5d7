package org.juryroom.web.organiser;

import com.fasterxml.jackson.databind.JsonNode;
import org.juryroom.storage.FileTypes;
import org.juryroom.web.Formats;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An audit event's before and after as sentences an organiser reads ("Status: Draft → Submitted",
 * "Added poster.jpg: a JPEG image, 56 KB"), not JSON: what changed, by field, in the words of the
 * pages. Pure: the same event always reads the same.
 */
public final class AuditChanges {

    private static final int LONGEST = 200;
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d.*Z");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]+");
    /** Field names that read better in other words than their split camel case. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("categoryCode", "Category"), Map.entry("submittedAt", "Submitted"),
            Map.entry("attestedBy", "Consent forms held by"), Map.entry("publishWork", "Publish the work"),
            Map.entry("publishNames", "Publish the names"), Map.entry("judging", "Judging"),
            Map.entry("participants", "Children"), Map.entry("firstName", "First name"),
            Map.entry("contentType", "Type"), Map.entry("sha256", "SHA-256"),
            Map.entry("maxEntriesPerSchool", "Entries per school"), Map.entry("maxSchoolBytes", "Bytes per school"),
            Map.entry("submissionOpensAt", "Opens"), Map.entry("submissionClosesAt", "Closes"),
            Map.entry("rankingMethod", "Ranking method"), Map.entry("shortlistSize", "Shortlist size"));

    private AuditChanges() {
    }

    /** One line per change; an event that records no values reads as nothing (the action says it all). */
    public static List<String> describe(String action, JsonNode before, JsonNode after) {
        if ("FILE_ADDED".equals(action) && isObject(after)) {
            return List.of("Added " + file(after));
        }
        if ("FILE_REMOVED".equals(action) && isObject(before)) {
            return List.of("Removed " + text(before.get("name")));
        }
        List<String> out = new ArrayList<>();
        if (!isObject(before) && !isObject(after)) {
            if (present(after)) {
                out.add(value(after));
            } else if (present(before)) {
                out.add("was " + value(before));
            }
            return out;
        }
        Set<String> keys = new LinkedHashSet<>();
        if (isObject(before)) {
            before.fieldNames().forEachRemaining(keys::add);
        }
        if (isObject(after)) {
            after.fieldNames().forEachRemaining(keys::add);
        }
        for (String key : keys) {
            JsonNode b = isObject(before) ? before.get(key) : null;
            JsonNode a = isObject(after) ? after.get(key) : null;
            String label = label(key);
            if (present(b) && present(a)) {
                if (!b.equals(a)) {
                    out.add(label + ": " + value(b) + " → " + value(a));
                }
            } else if (present(a)) {
                out.add(label + ": " + value(a));
            } else if (present(b)) {
                out.add(label + ": " + value(b) + " → none");
            }
        }
        return out;
    }

    private static String file(JsonNode f) {
        String name = text(f.get("name"));
        JsonNode type = f.get("contentType");
        JsonNode size = f.get("size");
        return name + (type == null ? "" : ": " + FileTypes.phrase(type.asText()))
                + (size == null || !size.isNumber() ? "" : ", " + Formats.bytes(size.asLong()));
    }

    /** "categoryCode" → "Category", "reviewNote" → "Review note". */
    static String label(String key) {
        String known = LABELS.get(key);
        if (known != null) {
            return known;
        }
        String words = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase();
        return words.isEmpty() ? key : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String value(JsonNode v) {
        if (!present(v)) {
            return "none";
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "yes" : "no";
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(item -> items.add(item.isObject() ? inline(item) : value(item)));
            return items.isEmpty() ? "none" : String.join(", ", items);
        }
        if (v.isObject()) {
            return inline(v);
        }
        return text(v);
    }

    /** An object inside a value: its fields in a short line ("First name Asha, grade 7"). */
    private static String inline(JsonNode o) {
        List<String> parts = new ArrayList<>();
        o.fields().forEachRemaining(f -> {
            if (present(f.getValue())) {
                parts.add(label(f.getKey()).toLowerCase() + " " + value(f.getValue()));
            }
        });
        String s = String.join(", ", parts);
        return s.isEmpty() ? "none" : "(" + s + ")";
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull()) {
            return "none";
        }
        String s = v.asText();
        if (INSTANT.matcher(s).matches()) {
            try {
                return Formats.when(Instant.parse(s));
            } catch (DateTimeParseException ignored) {
                // not an instant after all: shown as written
            }
        }
        if (CONSTANT.matcher(s).matches()) {
            String words = s.replace('_', ' ').toLowerCase();
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
        return s.length() > LONGEST ? s.substring(0, LONGEST) + "…" : s;
    }

    private static boolean present(JsonNode v) {
        return v != null && !v.isNull() && !v.isMissingNode();
    }

    private static boolean isObject(JsonNode v) {
        return v != null && v.isObject();
    }
}
