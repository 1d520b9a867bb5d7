package org.juryroom.consent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.juryroom.common.ProblemException;
import org.juryroom.web.ConsentMsg;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The consent notice guardians read, versioned: the texts live in the {@code consent} message bundle
 * (every language the app speaks); at start-up their hash is looked up, and texts never seen before
 * become version max+1. Records keep the version they were given on.
 */
@Singleton
public class ConsentNotices {

    /** The notice as the API gives it. */
    public record NoticeView(int version, String title, String text, Map<String, String> texts) {
        static NoticeView of(ConsentNotice n) {
            String en = n.texts.getOrDefault("en", n.texts.values().stream().findFirst().orElse(""));
            return new NoticeView(n.version, ConsentNotices.title(en), ConsentNotices.body(en), new TreeMap<>(n.texts));
        }
    }

    // pg_advisory_xact_lock key: instances that start together register one version, not two.
    private static final long LOCK = 0x6a72_636f_6e73_656eL;

    private final List<String> locales;
    private volatile int current;

    public ConsentNotices(@ConfigProperty(name = "quarkus.locales") List<String> locales) {
        this.locales = locales;
    }

    void onStart(@Observes StartupEvent event, org.juryroom.ops.StartSteps steps) {
        steps.run("consent notice", this::currentVersion);
    }

    /** The version of the notice this build ships (registered at the first call: start-up). */
    public int currentVersion() {
        if (current == 0) {
            synchronized (this) {
                if (current == 0) {
                    current = register(appTexts());
                }
            }
        }
        return current;
    }

    public ConsentNotice current() {
        return byVersion(currentVersion()).orElseThrow();
    }

    public Optional<ConsentNotice> byVersion(int version) {
        return ConsentNotice.find("version", version).firstResultOptional();
    }

    public NoticeView view(Integer version) {
        int v = version == null ? currentVersion() : version;
        return byVersion(v).map(NoticeView::of)
                .orElseThrow(() -> ProblemException.notFound("Consent notice version " + v));
    }

    /**
     * The version of these texts: the existing one if the same texts were registered before, else a
     * new one (max+1). Its own transaction; concurrent callers with the same texts get one version.
     */
    public int register(Map<String, String> texts) {
        String sha = sha256(texts);
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<ConsentNotice> known = ConsentNotice.find("textSha256", sha).firstResultOptional();
            if (known.isPresent()) {
                return known.get().version;
            }
            ConsentNotice.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)")
                    .setParameter(1, LOCK).getSingleResult();
            // Under the lock: another instance may have registered it meanwhile.
            known = ConsentNotice.find("textSha256", sha).firstResultOptional();
            if (known.isPresent()) {
                return known.get().version;
            }
            Number max = (Number) ConsentNotice.getEntityManager()
                    .createQuery("select coalesce(max(n.version), 0) from ConsentNotice n").getSingleResult();
            ConsentNotice n = new ConsentNotice();
            n.version = max.intValue() + 1;
            n.textSha256 = sha;
            n.texts = new TreeMap<>(texts);
            n.persist();
            return n.version;
        });
    }

    /** The notice in every language of the app: its title, a blank line, its text. */
    Map<String, String> appTexts() {
        Map<String, String> texts = new TreeMap<>();
        for (String locale : locales) {
            ConsentMsg msg = MessageBundles.get(ConsentMsg.class, Localized.Literal.of(locale));
            texts.put(locale, compose(msg.notice_title(), msg.notice_text()));
        }
        return texts;
    }

    static String compose(String title, String text) {
        return title + "\n\n" + text;
    }

    static String title(String composed) {
        int cut = composed.indexOf("\n\n");
        return cut < 0 ? "" : composed.substring(0, cut);
    }

    static String body(String composed) {
        int cut = composed.indexOf("\n\n");
        return cut < 0 ? composed : composed.substring(cut + 2);
    }

    /** SHA-256 over the texts in language order, each as tag, NUL, text, NUL: the same texts, the same hash. */
    public static String sha256(Map<String, String> texts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> t : new TreeMap<>(texts).entrySet()) {
                md.update(t.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(t.getValue().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
