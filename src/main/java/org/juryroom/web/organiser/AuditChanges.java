package org.juryroom.web.organiser;

import com.fasterxml.jackson.databind.JsonNode;
import org.juryroom.storage.FileTypes;
import org.juryroom.web.Formats;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
    /** Fields recorded in bytes, read as sizes ("56 KB"). */
    private static final Set<String> BYTES = Set.of("size", "maxSchoolBytes", "limitBytes", "usedBytes");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]+");
    /** How a conflict records the competition it was declared or removed through (ConflictService). */
    private static final Pattern COMPETITION = Pattern.compile("competition (\\d+)");

    private AuditChanges() {
    }

    /** One line per change; an event that records no values reads as nothing (the action says it all). */
    public static List<String> describe(String action, JsonNode before, JsonNode after, AuditWords w) {
        if ("FILE_ADDED".equals(action) && isObject(after)) {
            return List.of(w.say("added", file(after, w)));
        }
        if ("FILE_REMOVED".equals(action) && isObject(before)) {
            return List.of(w.say("removed", text(before.get("name"), w)));
        }
        List<String> out = new ArrayList<>();
        if (!isObject(before) && !isObject(after)) {
            if (present(after)) {
                out.add(value(after, w));
            } else if (present(before)) {
                out.add(w.say("was", value(before, w)));
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
            String label = w.label(key);
            if (present(b) && present(a)) {
                if (!b.equals(a)) {
                    out.add(w.say("changed", label, value(key, b, w), value(key, a, w)));
                }
            } else if (present(a)) {
                out.add(w.say("set", label, value(key, a, w)));
            } else if (present(b)) {
                out.add(w.say("changed", label, value(key, b, w), w.say("none")));
            }
        }
        return out;
    }

    private static String file(JsonNode f, AuditWords w) {
        String name = text(f.get("name"), w);
        JsonNode type = f.get("contentType");
        JsonNode size = f.get("size");
        if (type == null) {
            return name;
        }
        return size == null || !size.isNumber() ? w.say("file", name, type(type.asText(), w))
                : w.say("file.sized", name, type(type.asText(), w), Formats.bytes(size.asLong()));
    }

    /** "image/png" → "a PNG image": never a MIME type. */
    private static String type(String mime, AuditWords w) {
        FileTypes.Kind kind = FileTypes.kind(mime);
        return kind == null ? w.say("kind.other") : w.say("kind." + kind.name(), FileTypes.name(mime));
    }

    /** The value of field {@code key}: a file type or a size in words, anything else as {@link #value}. */
    static String value(String key, JsonNode v, AuditWords w) {
        if (v != null && v.isTextual() && key.equals("contentType")) {
            return type(v.asText(), w);
        }
        if (v != null && v.isIntegralNumber() && BYTES.contains(key)) {
            return Formats.bytes(v.asLong());
        }
        return value(v, w);
    }

    /** A recorded value in words: yes/no, constants and times in the reader's language, lists and objects inline. */
    static String value(JsonNode v, AuditWords w) {
        if (!present(v)) {
            return w.say("none");
        }
        if (v.isBoolean()) {
            return w.say(v.asBoolean() ? "yes" : "no");
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(item -> items.add(item.isObject() ? inline(item, w) : value(item, w)));
            return items.isEmpty() ? w.say("none") : String.join(", ", items);
        }
        if (v.isObject()) {
            return inline(v, w);
        }
        return text(v, w);
    }

    /** An object inside a value: its fields in a short line ("first name Asha, grade 7"). */
    private static String inline(JsonNode o, AuditWords w) {
        List<String> parts = new ArrayList<>();
        o.fields().forEachRemaining(f -> {
            if (present(f.getValue())) {
                parts.add(w.label(f.getKey()).toLowerCase(java.util.Locale.ROOT) + " "
                        + value(f.getKey(), f.getValue(), w));
            }
        });
        String s = String.join(", ", parts);
        return s.isEmpty() ? w.say("none") : "(" + s + ")";
    }

    private static String text(JsonNode v, AuditWords w) {
        if (v == null || v.isNull()) {
            return w.say("none");
        }
        String s = v.asText();
        if (INSTANT.matcher(s).matches()) {
            try {
                return Formats.when(Instant.parse(s));
            } catch (DateTimeParseException ignored) {
                // not an instant after all: shown as written
            }
        }
        String known = w.value(s);
        if (known != null) {
            return known;
        }
        java.util.regex.Matcher via = COMPETITION.matcher(s);
        if (via.matches()) {
            return w.say("value.competition", via.group(1));
        }
        if (CONSTANT.matcher(s).matches()) {
            return words(s);
        }
        return s.length() > LONGEST ? s.substring(0, LONGEST) + "…" : s;
    }

    /** "SOME_STATE" or "some State" → "Some state": the last resort for a name no bundle has yet. */
    static String words(String name) {
        String words = name.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static boolean present(JsonNode v) {
        return v != null && !v.isNull() && !v.isMissingNode();
    }

    private static boolean isObject(JsonNode v) {
        return v != null && v.isObject();
    }
}
