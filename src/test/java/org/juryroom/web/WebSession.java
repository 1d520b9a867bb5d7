package org.juryroom.web;

import io.restassured.response.Response;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A browser-like client for page tests: keeps cookies, reads CSRF tokens from pages, never follows redirects. */
public final class WebSession {

    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");
    /** The sign-in form posts to /j_security_check with its token in a hidden field, never in the URL. */
    static final Pattern LOGIN_FORM = Pattern.compile(
            "<form[^>]*action=\"/j_security_check\">\\s*<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\">");

    /** What a browser asks for when it opens a page or sends a form. */
    public static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    // Concurrent: a sweep sends one session's requests side by side.
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    public static WebSession anonymous() {
        return new WebSession();
    }

    public static WebSession signIn(String username, String password) {
        WebSession web = new WebSession();
        Response posted = web.postSignIn(username, password);
        assertThat(posted.statusCode()).as("sign-in of " + username).isEqualTo(302);
        assertThat(posted.header("Location")).as("sign-in of " + username).doesNotContain("failed");
        return web;
    }

    public Response postSignIn(String username, String password) {
        Response page = get("/login");
        Matcher m = LOGIN_FORM.matcher(page.asString());
        assertThat(m.find()).as("sign-in form").isTrue();
        return remember(given().cookies(cookies).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", password).formParam(Csrf.FIELD, m.group(1))
                .post("/j_security_check"));
    }

    /** Another client holding the same cookies (signing it out leaves this one signed in). */
    WebSession copy() {
        WebSession other = new WebSession();
        other.cookies.putAll(cookies);
        return other;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    public Response get(String path) {
        return get(path, Map.of());
    }

    Response get(String path, Map<String, ?> query) {
        return remember(given().cookies(cookies).redirects().follow(false).queryParams(query).get(path));
    }

    /** The CSRF token of the page at {@code path}, as its forms carry it. */
    String token(String path) {
        Matcher m = META_TOKEN.matcher(get(path).asString());
        assertThat(m.find()).as("csrf token on " + path).isTrue();
        return m.group(1);
    }

    /** Posts a form from the page at {@code page}, with that page's token. */
    public Response post(String page, String path, Map<String, ?> form) {
        Map<String, Object> fields = new HashMap<>(form);
        fields.put("_csrf", token(page));
        return postRaw(path, fields);
    }

    /** Posts a multipart form with one file from the page at {@code page}, with that page's token. */
    Response postMultipart(String page, String path, String field, String fileName, String type, byte[] content) {
        return remember(given().cookies(cookies).redirects().follow(false).multiPart(Csrf.FIELD, token(page))
                .multiPart(field, fileName, content, type).post(path));
    }

    /** Posts {@code body} as it is, with that Content-Type: for bodies no browser would send. */
    Response postBody(String path, String contentType, String body) {
        return remember(given().config(org.juryroom.support.Api.sendAsText(contentType)).cookies(cookies).redirects()
                .follow(false).contentType(contentType)
                .body(body).post(path));
    }

    Response postRaw(String path, Map<String, ?> form) {
        return remember(given().cookies(cookies).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParams(form).post(path));
    }

    private Response remember(Response r) {
        r.getDetailedCookies().asList().forEach(c -> {
            if (c.getMaxAge() == 0 || c.getValue().isEmpty()) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
        return r;
    }

    /**
     * The HTTP layer's error page: in {@code language}, no problem JSON nor Java names, and the signed-out frame
     * (no menu, no sign-out, a language switch of links rather than a form for someone else's token).
     */
    public static void assertSignedOutErrorPage(String page, String language) {
        assertThat(page).contains("<html lang=\"" + language + "\"", "href=\"?lang=en\"")
                .doesNotContain("\"status\"", "Exception", "action=\"/logout\"", "name=\"_csrf\"", "mainnav");
    }
}
