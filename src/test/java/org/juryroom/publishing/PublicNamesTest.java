package org.juryroom.publishing;

import org.junit.jupiter.api.Test;
import org.juryroom.consent.GuardianConsent;
import org.juryroom.entry.Entry;
import org.juryroom.entry.Participant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule for a child's first name in public: per child, under the work's consent and the organiser's flag. */
class PublicNamesTest {

    private static Entry entry(String... names) {
        Entry e = new Entry();
        for (int i = 0; i < names.length; i++) {
            Participant p = new Participant();
            p.position = i;
            p.firstName = names[i];
            e.participants.add(p);
        }
        e.consentPublishWork = true;
        return e;
    }

    private static GuardianConsent record(int position, boolean publishName) {
        GuardianConsent r = new GuardianConsent();
        r.position = position;
        r.judging = true;
        r.publishWork = true;
        r.publishName = publishName;
        return r;
    }

    @Test
    void eachChildsNameNeedsItsOwnGuardiansConsent() {
        Entry e = entry("Riya", "Kabir", "Mira");
        List<GuardianConsent> records = new ArrayList<>(List.of(record(0, true), record(1, false), record(2, true)));
        assertThat(PublicNames.of(e, records)).containsExactly("Riya", "Mira");
        records.get(2).publishNameWithdrawnAt = Instant.now();
        assertThat(PublicNames.of(e, records)).containsExactly("Riya");
        assertThat(PublicNames.of(e, records.subList(1, 3))).isEmpty();
    }

    @Test
    void noNameWithAnIdentifiableChildOrWithoutTheWork() {
        Entry e = entry("Riya");
        List<GuardianConsent> records = List.of(record(0, true));
        e.identifiableChild = true;
        assertThat(PublicNames.of(e, records)).isEmpty();
        e.identifiableChild = false;
        e.consentPublishWork = false;
        assertThat(PublicNames.of(e, records)).isEmpty();
        e.consentPublishWork = true;
        assertThat(PublicNames.of(e, records)).containsExactly("Riya");
    }
}
