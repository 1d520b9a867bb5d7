package org.juryroom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JuryRoomMainTest {

    @Test
    void aBuildWithoutTheEmbeddedServicesSaysWhichIsMissing() {
        ClassLoader bare = new ClassLoader(null) {
        };
        assertThat(JuryRoomMain.missingEmbeddedLibrary(bare))
                .isEqualTo("io.zonky.test.db.postgres.embedded.EmbeddedPostgres");
        assertThat(JuryRoomMain.missingEmbeddedLibrary(getClass().getClassLoader())).isNull();
    }
}
