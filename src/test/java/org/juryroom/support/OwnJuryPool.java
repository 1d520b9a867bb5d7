package org.juryroom.support;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A test profile that gives its test classes a Quarkus instance of their own, and with it a fresh
 * {@link RealStack} (new PostgreSQL, new S3 directory). Needed by tests that check the assignment
 * of jurors: the jury pool is global (every juror in the system is a candidate for every
 * competition), so jurors that other test classes created would otherwise share the work.
 */
public class OwnJuryPool implements QuarkusTestProfile {
}
