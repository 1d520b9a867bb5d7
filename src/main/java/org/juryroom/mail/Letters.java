package org.juryroom.mail;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Renders a mail from its two templates, {@code templates/mail/NAME.txt} and {@code NAME.html}, with
 * the same data; their words come from the {@link MailMsg} bundle.
 */
@ApplicationScoped
public class Letters {

    private final Engine engine;

    public Letters(Engine engine) {
        this.engine = engine;
    }

    public Letter render(String name, String subject, Map<String, Object> data) {
        return render(name, subject, data, null);
    }

    /** The mail in the recipient's language (en, hi, bn; null: English); its subject from {@link #words}. */
    public Letter render(String name, String subject, Map<String, Object> data, String language) {
        java.util.Locale locale = org.juryroom.i18n.Languages.localeOf(language);
        return new Letter(subject, template(name + ".txt").data(data).setLocale(locale).render(),
                template(name + ".html").data(data).setLocale(locale).render());
    }

    /** The mail bundle in a recipient's language, for the subject line. */
    public MailMsg words(String language) {
        return io.quarkus.qute.i18n.MessageBundles.get(MailMsg.class,
                io.quarkus.qute.i18n.Localized.Literal.of(org.juryroom.i18n.Languages.localeOf(language).toLanguageTag()));
    }

    private Template template(String path) {
        Template template = engine.getTemplate("mail/" + path);
        if (template == null) {
            throw new IllegalStateException("no mail template " + path);
        }
        return template;
    }
}
