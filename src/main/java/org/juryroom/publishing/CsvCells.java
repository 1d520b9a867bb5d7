package org.juryroom.publishing;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A CSV cell as a spreadsheet will read it. A cell that starts with {@code = + - @}, a tab or a carriage return
 * is taken by Excel, LibreOffice and Sheets as a formula, so a school's title such as
 * {@code =HYPERLINK("https://…?"&C2,"open")} would run on the organiser's machine: such a cell gets a leading
 * apostrophe, which spreadsheets show as text. A number (a negative z-score, in any script's digits) is left as
 * it is: it cannot be a formula, and quoting it would make it text.
 */
final class CsvCells {

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\p{Nd}+(?:[.,]\\p{Nd}+)*");

    private CsvCells() {
    }

    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula && !NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }

    static List<String> safe(List<String> cells) {
        return cells.stream().map(CsvCells::safe).toList();
    }
}
