package org.juryroom.common;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resources are thin: a service owns each transaction (its rules, its timeout), so that a page and the API doing
 * the same thing run it alike. No class mapped with {@code @Path} starts or configures a transaction.
 */
class ResourcesOwnNoTransactionsTest {

    private static final Pattern TRANSACTION = Pattern.compile("@Transactional\\b|@TransactionConfiguration\\b"
            + "|QuarkusTransaction\\.");

    @Test
    void noResourceStartsATransaction() throws Exception {
        List<String> found = new ArrayList<>();
        int resources = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String code = RefusalSources.withoutComments(Files.readString(f));
                if (!Pattern.compile("(?m)^@Path\\(").matcher(code).find()) {
                    continue;
                }
                resources++;
                if (TRANSACTION.matcher(code).find()) {
                    found.add(f.toString());
                }
            }
        }
        assertThat(resources).as("resources scanned").isGreaterThan(20);
        assertThat(found).as("resources with a transaction of their own: move it to the service").isEmpty();
    }
}
