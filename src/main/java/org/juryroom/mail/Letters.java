package org.juryroom.mail;

import io.quarkus.qute.Engine;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import org.juryroom.i18n.Languages;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders a mail from its two templates, {@code templates/mail/NAME.txt} and {@code NAME.html}, with
 * the same data, in one language: its words come from the {@link MailMsg} bundle of that language,
 * and the HTML part says it ({@code <html lang>}) and carries a font stack for its script.
 */
@ApplicationScoped
public class Letters {

    private final Engine engine;

    public Letters(Engine engine) {
        this.engine = engine;
    }

    /**
     * The language a mail is written in: the recipient's saved (or chosen) language, else the language
     * of the request that causes the mail, else English (a scheduled job has no request).
     */
    public static String languageOf(String recipients) {
        return org.juryroom.i18n.Recipients.resolve(recipients);
    }

    /** The mail in {@link #languageOf its recipient's language}; the subject from that language's bundle. */
    public Letter render(String name, Function<MailMsg, String> subject, Map<String, Object> data, String recipients) {
        String language = languageOf(recipients);
        java.util.Locale locale = Languages.localeOf(language);
        Map<String, Object> all = new LinkedHashMap<>(data);
        all.put("lang", language);
        all.put("font", new RawString(fontStack(language)));
        return new Letter(subject.apply(words(language)), template(name + ".txt").data(all).setLocale(locale).render(),
                template(name + ".html").data(all).setLocale(locale).render());
    }

    /** The mail bundle in a language (resolved as {@link #languageOf}), for words a caller puts in the data. */
    public MailMsg words(String recipients) {
        return MessageBundles.get(MailMsg.class,
                Localized.Literal.of(Languages.localeOf(languageOf(recipients)).toLanguageTag()));
    }

    /**
     * Fonts for a mail's script, as the pages' app.css has them: mail clients take no style sheet, and a
     * phone without a Bengali or Devanagari first choice falls back to the next it has.
     */
    static String fontStack(String language) {
        return switch (language) {
            case "bn" -> "'Noto Sans Bengali', 'Noto Sans', 'Lohit Bengali', 'Kohinoor Bangla', 'Bangla Sangam MN',"
                    + " Vrinda, 'Shonar Bangla', sans-serif";
            case "hi" -> "'Noto Sans Devanagari', 'Noto Sans', 'Lohit Devanagari', 'Kohinoor Devanagari',"
                    + " 'Devanagari Sangam MN', Mangal, 'Nirmala UI', sans-serif";
            default -> "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
        };
    }

    private Template template(String path) {
        Template template = engine.getTemplate("mail/" + path);
        if (template == null) {
            throw new IllegalStateException("no mail template " + path);
        }
        return template;
    }
}
