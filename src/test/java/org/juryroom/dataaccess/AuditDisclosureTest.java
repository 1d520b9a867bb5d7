package org.juryroom.dataaccess;

import org.junit.jupiter.api.Test;
import org.juryroom.dataaccess.AuditDisclosure.Audience;
import org.juryroom.dataaccess.AuditDisclosure.Disclosure;

import static org.assertj.core.api.Assertions.assertThat;

class AuditDisclosureTest {

    @Test
    void theEntrysOwnContentComesWithItsValues() {
        for (String action : new String[] {"ENTRY_CREATED", "ENTRY_UPDATED", "FILE_ADDED", "CONSENT_WITHDRAWN",
                "PERSONAL_DATA_ERASED"}) {
            assertThat(AuditDisclosure.of(action, "school", Audience.SCHOOL)).as(action).isEqualTo(Disclosure.WITH_VALUES);
            assertThat(AuditDisclosure.of(action, "organiser", Audience.ORGANISER)).as(action)
                    .isEqualTo(Disclosure.WITH_VALUES);
        }
    }

    @Test
    void judgingAndWorkingNotesShowOnlyWhatHappened() {
        assertThat(AuditDisclosure.of("ADJUDICATION", "organiser", Audience.SCHOOL)).isEqualTo(Disclosure.ACTION_ONLY);
        assertThat(AuditDisclosure.of("REDACTIONS_CHANGED", "organiser", Audience.ORGANISER))
                .isEqualTo(Disclosure.ACTION_ONLY);
        assertThat(AuditDisclosure.of("SOMETHING_NEWER", "organiser", Audience.SCHOOL)).isEqualTo(Disclosure.ACTION_ONLY);
    }

    @Test
    void safeguardingEventsAreLeftOutOfTheSchoolsFileAndBareInTheOrganisers() {
        for (String action : new String[] {"ENTRY_HELD", "ENTRY_RELEASED", "ENTRY_EXCLUDED", "FILE_REMOVED"}) {
            assertThat(AuditDisclosure.of(action, "safeguarding", Audience.SCHOOL)).as(action)
                    .isEqualTo(Disclosure.OMITTED);
            assertThat(AuditDisclosure.of(action, "safeguarding", Audience.ORGANISER)).as(action)
                    .isEqualTo(Disclosure.ACTION_ONLY);
        }
    }
}
