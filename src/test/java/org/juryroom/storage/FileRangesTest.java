package org.juryroom.storage;

import org.junit.jupiter.api.Test;
import org.juryroom.common.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Range header's grammar (RFC 9110, 14.1.2) for a 1,000-byte file: what is sent, what is refused. */
class FileRangesTest {

    private static final long SIZE = 1000;

    @Test
    void satisfiableRangesAreClampedToTheFile() {
        assertThat(FileDownloads.parseRange("bytes=0-99", SIZE)).containsExactly(0, 99);
        assertThat(FileDownloads.parseRange(" bytes=990- ", SIZE)).containsExactly(990, 999);
        assertThat(FileDownloads.parseRange("bytes=500-5000", SIZE)).containsExactly(500, 999);
        assertThat(FileDownloads.parseRange("bytes=-10", SIZE)).containsExactly(990, 999);
        assertThat(FileDownloads.parseRange("bytes=-5000", SIZE)).containsExactly(0, 999);
        assertThat(FileDownloads.parseRange("bytes=0007-0009", SIZE)).containsExactly(7, 9);
    }

    @Test
    void positionsBeyondALongArePastAnyFile() {
        assertThat(FileDownloads.parseRange("bytes=10-99999999999999999999", SIZE)).containsExactly(10, 999);
        assertThat(FileDownloads.parseRange("bytes=-99999999999999999999", SIZE)).containsExactly(0, 999);
        assertThat(FileDownloads.parseRange("bytes=0000000000000000000000010-12", SIZE)).containsExactly(10, 12);
        assertThatThrownBy(() -> FileDownloads.parseRange("bytes=99999999999999999999-", SIZE))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(416));
        assertThatThrownBy(() -> FileDownloads.parseRange("bytes=9223372036854775808-9223372036854775809", SIZE))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(416));
        // Past a long, the order of the two positions still counts: last before first is no range at all.
        assertThat(FileDownloads.parseRange("bytes=99999999999999999999-99999999999999999998", SIZE)).isNull();
    }

    @Test
    void aRangeStartingAtOrPastTheEndIs416() {
        for (String header : new String[] {"bytes=1000-", "bytes=1000-2000", "bytes=-0"}) {
            assertThatThrownBy(() -> FileDownloads.parseRange(header, SIZE)).as(header)
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(416));
        }
    }

    @Test
    void invalidSeveralOrForeignRangesAreIgnoredAndTheWholeFileIsSent() {
        for (String header : new String[] {null, "", "bytes=9-1", "bytes=-", "bytes=0-1,5-6", "items=0-1",
                "bytes=a-b", "bytes=1.5-2", "bytes=-1-2", "bytes=\u0661-\u0662"}) {
            assertThat(FileDownloads.parseRange(header, SIZE)).as(String.valueOf(header)).isNull();
        }
    }
}
