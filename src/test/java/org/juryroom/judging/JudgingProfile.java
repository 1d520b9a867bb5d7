package org.juryroom.judging;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A Quarkus instance, PostgreSQL and S3 directory of their own for the judging, ranking, access
 * and audit tests. They create hundreds of jurors, schools and entries; tests elsewhere that rely
 * on the global jury pool staying small (every juror is a candidate for a competition without a
 * jury list) are then not disturbed. The judging tests themselves never depend on global counts:
 * they name their jury with panels.
 */
public class JudgingProfile implements QuarkusTestProfile {
}
