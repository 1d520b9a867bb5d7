package org.juryroom.i18n;

/**
 * How numbers read, in every language alike (docs/glossary.md, "Numbers"): Latin digits, a point for
 * decimals, and Indian grouping (1,23,45,678), as Indian readers of English, Hindi and Bengali meet
 * them on forms, marksheets and bank statements, and as codes, inputs and the rubric's own scores are
 * written. Scores have two decimals everywhere (pages, PDFs, CSVs). Pure; {@code web/Formats} hands
 * these to the templates, and the exports use them directly.
 */
public final class Numbers {

    private Numbers() {
    }

    /** 1234567 → "12,34,567": the last three digits, then groups of two. */
    public static String count(long n) {
        if (n == Long.MIN_VALUE) {
            return String.valueOf(n);
        }
        String digits = Long.toString(Math.abs(n));
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 2 + 1);
        int head = digits.length() - 3;
        if (head <= 0) {
            out.append(digits);
        } else {
            int first = head % 2 == 0 ? 2 : 1;
            out.append(digits, 0, first);
            for (int i = first; i < head; i += 2) {
                out.append(',').append(digits, i, i + 2);
            }
            out.append(',').append(digits, head, digits.length());
        }
        return n < 0 ? "-" + out : out.toString();
    }

    /** A decimal with exactly {@code places} places, grouped: 123456.789, 2 → "1,23,456.79"; -0.004 → "0.00". */
    public static String decimal(double value, int places) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "–";
        }
        java.math.BigDecimal rounded = java.math.BigDecimal.valueOf(value).setScale(places, java.math.RoundingMode.HALF_UP);
        if (rounded.signum() == 0) {
            rounded = rounded.abs();
        }
        java.math.BigDecimal whole = rounded.abs().setScale(0, java.math.RoundingMode.DOWN);
        String fraction = rounded.abs().subtract(whole).movePointRight(places).toBigInteger().toString();
        String text = count(whole.longValueExact()) + (places == 0 ? "" : "." + "0".repeat(places - fraction.length()) + fraction);
        return rounded.signum() < 0 ? "-" + text : text;
    }

    /** A score (a total, a mean, a spread): two decimals. */
    public static String score(double value) {
        return decimal(value, 2);
    }
}
