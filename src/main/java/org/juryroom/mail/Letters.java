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
        return new Letter(subject, template(name + ".txt").data(data).render(),
                template(name + ".html").data(data).render());
    }

    private Template template(String path) {
        Template template = engine.getTemplate("mail/" + path);
        if (template == null) {
            throw new IllegalStateException("no mail template " + path);
        }
        return template;
    }
}
