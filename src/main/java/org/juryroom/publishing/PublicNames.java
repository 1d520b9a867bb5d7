package org.juryroom.publishing;

import org.juryroom.consent.GuardianConsent;
import org.juryroom.entry.Entry;
import org.juryroom.entry.Participant;

import java.util.ArrayList;
import java.util.List;

/**
 * The children's first names the public may read next to a work: the one rule for the public page,
 * the public API, the gallery and exports. None while the work itself is not published (a scope
 * every guardian must give), none when the organiser marked that the work shows an identifiable
 * child, and otherwise each child's name only if that child's guardian gives {@code publishName}.
 */
public final class PublicNames {

    private PublicNames() {
    }

    public static List<String> of(Entry e, List<GuardianConsent> records) {
        List<String> names = new ArrayList<>();
        if (!e.consentPublishWork || e.identifiableChild || e.personalDataErasedAt != null) {
            return names;
        }
        for (Participant p : e.participants) {
            boolean given = records.stream().anyMatch(r -> r.position == p.position
                    && r.active(GuardianConsent.Scope.publishName));
            if (given && p.firstName != null) {
                names.add(p.firstName);
            }
        }
        return names;
    }

    /**
     * The sealed title as the public reads it: a child's words often name a child ("Riya's safe web"),
     * so the name of every child not publicly named, and of every guardian, is hidden as the jury view
     * hides it (display only: the seal keeps the title's hash).
     */
    public static String title(Entry e, String sealedTitle) {
        return title(e, sealedTitle, GuardianConsent.ofEntry(e.id));
    }

    /** As {@link #title(Entry, String)}, with the entry's records already read. */
    public static String title(Entry e, String sealedTitle, List<GuardianConsent> records) {
        List<String> shown = of(e, records);
        List<String> hidden = new ArrayList<>();
        for (Participant p : e.participants) {
            if (p.firstName != null && !shown.contains(p.firstName)) {
                hidden.add(p.firstName);
            }
        }
        records.forEach(r -> hidden.addAll(org.juryroom.entry.JuryRedaction.personName(r.guardianName)));
        return org.juryroom.entry.JuryRedaction.apply(sealedTitle, hidden);
    }
}
