package org.juryroom.entry;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.juryroom.mail.Letters;
import org.juryroom.mail.MailKind;
import org.juryroom.mail.Outbox;
import org.juryroom.storage.EntryFile;
import org.juryroom.web.Formats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The receipt a school's contact gets when an entry is submitted: code, title, competition, when
 * (in the competition's zone) and each stored file by type, size and SHA-256. File names are left
 * out: schools name files after the children, and no mail names a child together with a school.
 * The mail is tied to the entry: its erasure rewrites it (erasure/ErasureService).
 */
@ApplicationScoped
public class EntryReceipts {

    /** One received file as the receipt lists it. */
    @TemplateData
    public record ReceivedFile(String type, String size, String sha256) {
    }

    private final Outbox outbox;
    private final Letters letters;

    public EntryReceipts(Outbox outbox, Letters letters) {
        this.outbox = outbox;
        this.letters = letters;
    }

    /** Queued in the submit's transaction: a receipt exists if and only if the submission commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(Entry e) {
        String to = e.school.contactEmail;
        if (to == null || to.isBlank()) {
            return;
        }
        List<ReceivedFile> files = EntryFile.storedOf(e.id).stream()
                .map(f -> new ReceivedFile(f.contentType, Formats.bytes(f.size), f.sha256)).toList();
        String language = org.juryroom.i18n.Recipients.ofSchool(e.school.id);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", e.school.contactName);
        data.put("title", e.title);
        data.put("code", e.code);
        data.put("competition", e.competition.title);
        data.put("when", Formats.when(e.submittedAt, language));
        data.put("files", files);
        outbox.queue(MailKind.RECEIPT, to, letters.render("receipt", w -> w.mail_receipt_subject(e.code),
                data, language)).entryIds.add(e.id);
    }
}
