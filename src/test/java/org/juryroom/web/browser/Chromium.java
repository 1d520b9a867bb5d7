package org.juryroom.web.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, which never downloads a browser here. Without
 * Chromium the browser tests are skipped with a message, unless JURYROOM_BROWSER_TESTS=required
 * (set by .ci/run, which installs Chromium itself) makes that a failure.
 */
final class Chromium implements AutoCloseable {

    static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
            "--no-first-run", "--disable-dev-shm-usage");

    final Playwright playwright;
    final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    private static Chromium shared;

    /** One Chromium for every browser test class of the run, closed when the test JVM ends. */
    static synchronized Chromium shared() {
        if (shared == null) {
            shared = launch();
            Chromium started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return shared;
    }

    static Chromium launch() {
        Path executable = find();
        if (executable == null) {
            String message = "Chromium not found (looked for $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser);"
                    + " install it with: apt-get install -y chromium fonts-dejavu-core";
            if ("required".equals(System.getenv("JURYROOM_BROWSER_TESTS"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message + " (browser tests skipped)");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable).setHeadless(true).setArgs(ARGS));
        return new Chromium(playwright, browser);
    }

    private static Path find() {
        String configured = System.getenv("CHROMIUM_PATH");
        for (String candidate : new String[] {configured, "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (candidate != null && Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
