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

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return nfc(attribute);
    }

    @Override
    public String convertToEntityAttribute(String column) {
        return column;
    }
}
