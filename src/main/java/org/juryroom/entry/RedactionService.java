package org.juryroom.entry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.juryroom.access.AccessPolicy;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;
import org.juryroom.storage.EntryFile;

import java.util.List;
import java.util.Map;

/** Organisers hide words from the jury view of an entry; the school's own view is unchanged. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class RedactionService {

    public record Redactions(@NotNull @Size(max = 50, message = "{juryroom.listSize}") List<@NotBlank @Size(max = 200) String> terms) {

        /** The current terms and one more (a page's "add"); {@link #replace} validates and de-duplicates. */
        public static Redactions adding(List<String> current, String term) {
            List<String> terms = new java.util.ArrayList<>(current);
            terms.add(term == null ? "" : term);
            return new Redactions(terms);
        }

        /** The current terms but one (a page's "remove"). */
        public static Redactions removing(List<String> current, String term) {
            return new Redactions(current.stream().filter(t -> !t.equals(term)).toList());
        }
    }

    /** The terms and what the jury now reads. */
    public record RedactionView(long entryId, List<String> terms, EntryViews.BlindEntry juryView) {
    }

    private final AccessPolicy access;
    private final AuditLog audit;

    public RedactionService(AccessPolicy access, AuditLog audit) {
        this.access = access;
        this.audit = audit;
    }

    public RedactionView replace(long entryId, @Valid @NotNull Redactions request) {
        Entry e = access.redactableEntry(entryId);
        List<String> before = List.of(e.juryRedactions);
        List<String> after = request.terms().stream().map(String::strip).distinct().toList();
        if (!after.equals(before)) {
            e.juryRedactions = after.toArray(String[]::new);
            audit.record(AuditAction.REDACTIONS_CHANGED, e.competition.id, AuditLog.Subject.of("entry", e.id),
                    Map.of("terms", before), Map.of("terms", after));
        }
        return new RedactionView(e.id, after, EntryViews.blind(e, EntryFile.storedOf(e.id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RedactionView get(long entryId) {
        Entry e = access.redactableEntry(entryId);
        return new RedactionView(e.id, List.of(e.juryRedactions), EntryViews.blind(e, EntryFile.storedOf(e.id)));
    }
}
