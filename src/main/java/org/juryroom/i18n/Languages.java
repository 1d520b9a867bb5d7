package org.juryroom.i18n;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

import java.util.List;
import java.util.Locale;

/**
 * The languages JuryRoom speaks and which one a request gets: the user's saved choice, else this
 * browser's choice (cookie), else the best match of {@code Accept-Language}, else English. Pure but for
 * reading a request's sources; the one rule, applied per request by {@link LanguageFilter} and for mails by the
 * recipient's choice.
 */
public final class Languages {

    /** In the order the switch shows them. */
    public static final List<String> SUPPORTED = List.of("en", "hi", "bn");
    public static final String DEFAULT = "en";
    /**
     * A link's choice for one request ({@code ?lang=bn}): the public pages' switch, which sets no cookie
     * so that each language's page stays one URL a shared cache may keep.
     */
    public static final String QUERY = "lang";
    /** The browser's choice. */
    public static final String COOKIE = "juryroom-lang";
    /** The signed-in user's saved choice, carried on the security identity. */
    public static final String ATTRIBUTE = "juryroom.language";
    private static final String HEADER = "Accept-Language";

    private Languages() {
    }

    public static boolean supported(String tag) {
        return tag != null && SUPPORTED.contains(tag);
    }

    /** The language of a request, from its three sources, strongest first. */
    public static String resolve(String saved, String cookie, String acceptLanguage) {
        if (supported(saved)) {
            return saved;
        }
        if (supported(cookie)) {
            return cookie;
        }
        return fromAcceptLanguage(acceptLanguage);
    }

    /**
     * The language of one request: a link's {@code ?lang=} wins for that request, then the saved choice,
     * the cookie and Accept-Language ({@link #resolve}). {@link LanguageFilter} and the public pages'
     * answer from memory both ask this.
     */
    public static String decide(String asked, String saved, String cookie, String acceptLanguage) {
        return supported(asked) ? asked : resolve(saved, cookie, acceptLanguage);
    }

    /**
     * {@link #decide} for a request as the HTTP layer sees it, with the user's saved choice if known. Repeated
     * Accept-Language headers count as one list, as RESTEasy reads them.
     */
    public static String of(HttpServerRequest request, String saved) {
        Cookie cookie = request.getCookie(COOKIE);
        return decide(request.getParam(QUERY), saved, cookie == null ? null : cookie.getValue(),
                String.join(",", request.headers().getAll(HEADER)));
    }

    /** The best supported match of an Accept-Language header (q-values honoured), else English. */
    public static String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT;
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(header), SUPPORTED);
            return tag == null ? DEFAULT : tag;
        } catch (IllegalArgumentException malformed) {
            return DEFAULT;
        }
    }

    /** The language {@link LanguageFilter} decided for the request being served; English outside one. */
    public static String ofCurrentRequest() {
        Object language;
        try {
            var request = org.jboss.resteasy.reactive.server.core.CurrentRequestManager.get();
            language = request == null ? null : request.getProperty(ATTRIBUTE);
            if (language == null && request != null) {
                // Refused before LanguageFilter ran: the header still says it.
                return fromAcceptLanguage(request.serverRequest().getRequestHeader(HEADER));
            }
        } catch (jakarta.enterprise.context.ContextNotActiveException outsideARequest) {
            return DEFAULT; // a scheduled job: mails say their recipient's language themselves
        }
        return language instanceof String tag && supported(tag) ? tag : DEFAULT;
    }

    /** A saved choice (user or mail recipient), else English. */
    public static Locale localeOf(String saved) {
        return Locale.forLanguageTag(supported(saved) ? saved : DEFAULT);
    }
}
