package org.juryroom.i18n;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A count of one reads in the singular, in every English text that takes a count: each message of every
 * bundle is rendered with all its numbers at 1 (its words as a plain word, then as "1", for counts that come as
 * text), and no "1 entries", "1 days"
 * or "file(s)" may come out. Hindi's plurals follow the same messages (checked where a form differs).
 */
@QuarkusTest
class PluralsTest {

    @Test
    void aCountOfOneIsSingularInEveryEnglishMessage() throws Exception {
        List<String> wrong = new ArrayList<>();
        int rendered = 0;
        for (Class<?> bundle : bundles()) {
            Object en = MessageBundles.get(bundle, Localized.Literal.of("en"));
            for (Method m : bundle.getDeclaredMethods()) {
                if (!m.isAnnotationPresent(Message.class) || m.getParameterCount() == 0) {
                    continue;
                }
                // Words as a word, then as "1": some counts reach a message as text (a notice's number).
                for (String word : List.of("Word", "1")) {
                    Object[] args = new Object[m.getParameterCount()];
                    boolean renderable = true;
                    for (int i = 0; i < args.length; i++) {
                        args[i] = one(m.getParameterTypes()[i], word);
                        renderable &= args[i] != null; // an object's fields are not guessed here
                    }
                    if (!renderable) {
                        continue;
                    }
                    String text = (String) m.invoke(en, args); // a message that fails to render fails here
                    rendered++;
                    if (OnePlural.wrong(text, "en") != null) {
                        wrong.add(bundle.getSimpleName() + "." + m.getName() + ": " + text);
                    }
                }
            }
        }
        assertThat(rendered).as("messages rendered").isGreaterThan(200);
        assertThat(wrong).as("English messages that say '1 …s' or '(s)'").isEmpty();
    }

    @Test
    void hindiSaysOneNewEntryAndOneWork() {
        org.juryroom.mail.MailMsg mail = MessageBundles.get(org.juryroom.mail.MailMsg.class, Localized.Literal.of("hi"));
        assertThat(mail.mail_assigned_intro("X", 1, 1)).contains("1 नई प्रविष्टि दी गई है").contains("कुल 1 प्रविष्टि ");
        assertThat(mail.mail_assigned_intro("X", 2, 3)).contains("2 नई प्रविष्टियाँ दी गई हैं").contains("कुल 3 प्रविष्टियाँ");
        org.juryroom.web.Msg msg = MessageBundles.get(org.juryroom.web.Msg.class, Localized.Literal.of("hi"));
        assertThat(msg.public_published("1", 1)).endsWith("1 कृति");
        assertThat(msg.public_published("1", 2)).endsWith("2 कृतियाँ");
    }

    private static Object one(Class<?> type, String word) {
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == String.class) {
            return word;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        return null;
    }

    /** Every interface under src/main/java annotated as a message bundle. */
    private static List<Class<?>> bundles() throws Exception {
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path p : files.filter(f -> f.toString().endsWith("Msg.java")).toList()) {
                if (Files.readString(p).contains("@MessageBundle")) {
                    String name = Path.of("src/main/java").relativize(p).toString()
                            .replace(".java", "").replace('/', '.');
                    out.add(Class.forName(name));
                }
            }
        }
        assertThat(out).hasSizeGreaterThan(15);
        return out;
    }
}
