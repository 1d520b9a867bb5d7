package org.juryroom.dataaccess;

import org.juryroom.audit.AuditAction;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which audit events about an entry an access-request file discloses, and with which values
 * (docs/privacy.md, "Access requests"). Pure: the rules in one place.
 *
 * <ul>
 * <li>Never who acted by name, only the role: staff names are other people's personal data, and the
 *     role is what a guardian needs to know.</li>
 * <li>Before/after values only of the events that record the entry's own content (what the school
 *     entered, the files, the consent records, erasure): the values of the others hold judging
 *     deliberation (jurors, scorecards, spreads) or organisers' working notes, not the child's data.</li>
 * <li>Events recorded by safeguarding (holds, releases, exclusions, files removed after one) are left
 *     out of the school's file: the school is told nothing of a concern until the safeguarding lead
 *     decides what to tell it. The organiser's file lists them without values, as the trail shows
 *     them to organisers.</li>
 * </ul>
 */
public final class AuditDisclosure {

    /** Who the file is for. */
    public enum Audience { SCHOOL, ORGANISER }

    /** How much of one event is disclosed. */
    public enum Disclosure { OMITTED, ACTION_ONLY, WITH_VALUES }

    static final String SAFEGUARDING_ACTOR = "safeguarding";

    private static final Set<AuditAction> CONTENT = EnumSet.of(AuditAction.ENTRY_CREATED, AuditAction.ENTRY_UPDATED,
            AuditAction.ENTRY_SUBMITTED, AuditAction.ENTRY_WITHDRAWN, AuditAction.FILE_ADDED, AuditAction.FILE_REMOVED,
            AuditAction.FILE_REVIEW_CLEARED, AuditAction.CONSENT_RECORDED, AuditAction.CONSENT_WITHDRAWN,
            AuditAction.ENTRY_IDENTIFIABLE_CHILD, AuditAction.PERSONAL_DATA_ERASED, AuditAction.ACCESS_REQUEST_SERVED);

    private AuditDisclosure() {
    }

    /**
     * @param action    the event's action as stored (an unknown name, e.g. from a newer version, is shown without values)
     * @param actorRole the event's actor role as stored
     */
    public static Disclosure of(String action, String actorRole, Audience audience) {
        if (SAFEGUARDING_ACTOR.equals(actorRole)) {
            return audience == Audience.SCHOOL ? Disclosure.OMITTED : Disclosure.ACTION_ONLY;
        }
        AuditAction known;
        try {
            known = AuditAction.valueOf(action);
        } catch (IllegalArgumentException e) {
            return Disclosure.ACTION_ONLY;
        }
        return CONTENT.contains(known) ? Disclosure.WITH_VALUES : Disclosure.ACTION_ONLY;
    }
}
