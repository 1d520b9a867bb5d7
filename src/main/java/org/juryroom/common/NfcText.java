package org.juryroom.common;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.text.Normalizer;

/**
 * Names and titles are stored in Unicode NFC: a Bengali or Devanagari name typed on one keyboard
 * (precomposed) and another (decomposed, e.g. য + ় for য়) is then one stored text, which a search
 * (also NFC, {@link org.juryroom.i18n.Collation#contains}) finds and a sort orders once.
 */
@Converter
public class NfcText implements AttributeConverter<String, String> {

    public static String nfc(String text) {
        return text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * A name or title as stored: NFC, and empty when it shows nothing (only spaces, zero-width or other
     * format characters, marks without a letter, blank fillers), so that {@code @NotBlank} refuses it as
     * it refuses an empty one: a title of U+200B alone would be a competition no one can see or name.
     */
    public static String name(String text) {
        text = nfc(text);
        return text == null || text.codePoints().anyMatch(NfcText::shows) ? text : "";
    }

    /** An optional text as stored (a comment): NFC, stripped, or null when it shows nothing, as if not given. */
    public static String optional(String text) {
        String stored = name(text);
        return stored == null || stored.isBlank() ? null : stored.strip();
    }

    /** A letter, digit, punctuation or symbol, but not the Hangul fillers and the blank Braille cell, which draw nothing. */
    private static boolean shows(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL ->
                    cp != 0x115F && cp != 0x1160 && cp != 0x3164 && cp != 0xFFA0 && cp != 0x2800;
            default -> false;
        };
    }

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return nfc(attribute);
    }

    @Override
    public String convertToEntityAttribute(String column) {
        return column;
    }
}
