package org.juryroom.i18n;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a count of one must not read as, per language, for the tests that render texts with their counts at 1
 * (page messages in {@code PluralsTest}, refusals in {@code RefusalPluralsTest}).
 */
public final class OnePlural {

    /**
     * "1 entries", "1 new entries", "1 unfinished entries": a one, at most two words, then a plural noun ("1 of its
     * files", "1 bytes of files" are not a count of files). Not "points": scores are always written with two
     * decimals ("1.00 points"); not "characters": text limits are constants above one.
     */
    private static final Pattern ENGLISH = Pattern.compile(
            "(?<![\\d.,])1 (?:(?!of )[a-z]+ ){0,2}(entries|files|days|hours|minutes|months|works|jurors|schools|children"
                    + "|scorecards|assignments|votes|ballots|errors|rows|rounds|members|concerns|categories"
                    + "|criteria|messages|years|weeks|pages|places|candidates|people|rules|fields)\\b");
    private static final Pattern EITHER = Pattern.compile("\\w\\(s\\)");
    /**
     * Hindi: a one, at most two words (not a postposition: "1 के रूप में" is not about the one), then a noun in a
     * plural form (feminine "-ियाँ", "-ें", oblique "-ों"; not "में"): "1 प्रविष्टियाँ", "1 निर्णायकों के", "1 फ़ाइलें".
     */
    private static final Pattern HINDI = Pattern.compile("(?<![\\d.,])1 (?:(?!(?:की|के|का|में|से|को|पर|या|और) )\\S+ ){0,2}"
            + "\\S*(ियाँ|ियों|[^म]ों|[^म]ें)(?=[\\s,.:;()।]|$)");
    /** Bengali counts a noun with a classifier ("1টি জমা"): a plural ending after a count is wrong ("1টি জমাগুলি"). */
    private static final Pattern BENGALI = Pattern.compile(
            "(?<![\\d.,])1(?:টি|জন)? (?:\\S+ ){0,2}\\S+(গুলি|গুলো|গুলির|গুলোর)(?=[\\s,.:;()।]|$)");

    private OnePlural() {
    }

    /** The words that read wrong for a count of one in the text, or null when it reads right. */
    public static String wrong(String text, String language) {
        Pattern plural = switch (language) {
            case "hi" -> HINDI;
            case "bn" -> BENGALI;
            default -> ENGLISH;
        };
        for (Pattern p : new Pattern[] {plural, EITHER}) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return m.group();
            }
        }
        return null;
    }
}
