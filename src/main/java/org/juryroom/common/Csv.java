package org.juryroom.common;

import org.juryroom.common.Problem.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a CSV (RFC 4180: comma-separated, fields in double quotes may hold commas, quotes doubled
 * and line breaks). The first line names the columns, in any order and any case; every required
 * column must be there, once, optional ones may be (a missing one reads as empty). A field with bytes
 * that were not UTF-8 is refused on its line. Pure: no database.
 */
public final class Csv {

    /** A data record and the line of the file it starts on (the header is line 1). */
    public record Row(int line, Map<String, String> fields) {
        public String get(String column) {
            return fields.getOrDefault(column, "");
        }
    }

    public record Parsed(List<Row> rows, List<Violation> errors) {
    }

    private Csv() {
    }

    public static Parsed parse(String text, List<String> required) {
        return parse(text, required, List.of());
    }

    public static Parsed parse(String text, List<String> required, List<String> optional) {
        List<String> known = new ArrayList<>(required);
        known.addAll(optional);
        List<Violation> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<Record> records = records(text == null ? "" : text.replace("\uFEFF", ""), errors);
        if (records.isEmpty()) {
            errors.add(new Violation("line 1", "the first line must name the columns " + String.join(", ", required)));
            return new Parsed(rows, errors);
        }
        List<String> header = records.get(0).fields().stream().map(h -> h.strip()).toList();
        Map<Integer, String> columnAt = new LinkedHashMap<>();
        boolean complete = true;
        for (int i = 0; i < header.size(); i++) {
            for (String column : known) {
                if (column.toLowerCase(Locale.ROOT).equals(header.get(i).toLowerCase(Locale.ROOT))) {
                    // Twice named, one of the two would be dropped without a word: which one is meant?
                    if (columnAt.containsValue(column)) {
                        errors.add(new Violation("line 1", "the column " + column + " is named twice"));
                        complete = false;
                    }
                    columnAt.put(i, column);
                }
            }
        }
        // A spreadsheet saved with another separator: one column whose name holds all the others.
        if (header.size() == 1 && (header.get(0).contains(";") || header.get(0).contains("\t"))) {
            errors.add(new Violation("line 1", "the columns must be separated by commas, not semicolons or tabs:"
                    + " save the file as 'CSV UTF-8 (Comma delimited)'"));
            return new Parsed(rows, errors);
        }
        for (String column : required) {
            if (!columnAt.containsValue(column)) {
                errors.add(new Violation("line 1", "missing column " + column));
                complete = false;
            }
        }
        if (!complete) {
            return new Parsed(rows, errors);
        }
        for (Record r : records.subList(1, records.size())) {
            if (r.fields().size() == 1 && r.fields().get(0).isBlank()) {
                continue;
            }
            if (r.fields().size() != header.size()) {
                errors.add(new Violation("line " + r.line(), "expected " + header.size() + " fields, found "
                        + r.fields().size()));
                continue;
            }
            // What no text may hold (TextRules) is refused here, by line, for the preview and the import alike.
            String refusal = r.fields().stream().map(Csv::refusal).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null);
            if (refusal != null) {
                errors.add(new Violation("line " + r.line(), refusal));
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            columnAt.forEach((i, column) -> fields.put(column, r.fields().get(i).strip()));
            rows.add(new Row(r.line(), fields));
        }
        return new Parsed(rows, errors);
    }

    private record Record(int line, List<String> fields) {
    }

    /**
     * What no text may hold ({@link TextRules}), and U+FFFD: what bytes that are not UTF-8 (a file saved as
     * Latin-1 or "ANSI") become once read, so that "Schön" would be imported as "Sch\uFFFDn" unnoticed.
     */
    private static String refusal(String field) {
        String refusal = TextRules.refusal(field);
        return refusal != null ? refusal : field.indexOf('\uFFFD') >= 0 ? TextRules.NOT_UTF8 : null;
    }

    private static List<Record> records(String text, List<Violation> errors) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int start = 1;
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            any = true;
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                records.add(new Record(start, List.copyOf(fields)));
                fields.clear();
                field.setLength(0);
                any = false;
                line++;
                start = line;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            errors.add(new Violation("line " + start, "a quoted field is not closed"));
        }
        if (any) {
            fields.add(field.toString());
            records.add(new Record(start, List.copyOf(fields)));
        }
        return records;
    }
}
