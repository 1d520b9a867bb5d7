package org.juryroom.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.junit.jupiter.api.Test;

/** The decoy hash unknown users are checked against is a constant: it must cost what a real hash costs. */
class PasswordSignInDecoyTest {

    @Test
    void theDecoyCostsWhatARealHashCosts() {
        String real = BcryptUtil.bcryptHash("a password");
        // "$2a$10$...": variant and cost are the first 7 characters
        assertEquals(real.substring(0, 7), PasswordSignIn.decoyHash().substring(0, 7));
        assertEquals(real.length(), PasswordSignIn.decoyHash().length());
    }

    @Test
    void theDecoyIsAWellFormedHashNoGuessMatches() {
        // matches() parses the hash: a malformed constant would throw here instead of refusing
        assertFalse(BcryptUtil.matches("", PasswordSignIn.decoyHash()));
        assertFalse(BcryptUtil.matches("organiser", PasswordSignIn.decoyHash()));
    }
}
