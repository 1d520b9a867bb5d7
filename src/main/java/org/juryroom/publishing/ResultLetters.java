package org.juryroom.publishing;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.juryroom.competition.Competition;
import org.juryroom.mail.Letters;
import org.juryroom.mail.MailKind;
import org.juryroom.mail.Outbox;
import org.juryroom.ops.JuryRoomConfig;
import org.juryroom.ranking.Shortlist;
import org.juryroom.ranking.ShortlistEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The result mail to every school that submitted to a competition, queued in the transaction that
 * publishes it: which of its entries are on the shortlist (by their sealed title and code), or that none
 * is, and a link to the public page. Which entries: exactly those its portal shows as shortlisted or
 * awarded ({@link EntryResults}, the one rule), so the mail and the portal never disagree; an entry
 * held for safeguarding is named like any other, as the school must not learn of a hold (the public page
 * leaves it out). Built from three queries whatever the number of schools, never one per school. Each
 * mail is tied to the entries it names: their erasure rewrites it (erasure/ErasureService).
 */
@ApplicationScoped
public class ResultLetters {

    /** A shortlisted entry as the mail names it. */
    @TemplateData
    public record Placed(String title, String code) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final Letters letters;
    private final String publicUrl;
    private final EntryResults results;

    public ResultLetters(EntityManager em, Outbox outbox, Letters letters, JuryRoomConfig config,
                         EntryResults results) {
        this.em = em;
        this.results = results;
        this.outbox = outbox;
        this.letters = letters;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    /** Queues one mail per school with a submitted entry, tied to the entries it names; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int queueAll(Competition c) {
        List<Written> mails = write(c, null);
        mails.forEach(m -> outbox.queue(MailKind.RESULT, m.to(), m.letter()).entryIds.addAll(m.entryIds()));
        return mails.size();
    }

    /**
     * A school's result mail written anew from the shortlist as it now reads (an erasure rewrites a mail not
     * yet sent, so that it names no erased title); empty when the school is no longer mailed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Optional<Written> rewrite(Competition c, long schoolId) {
        return write(c, schoolId).stream().findFirst();
    }

    /** A school's result mail: to whom, the letter, and the entries it names. */
    public record Written(String to, org.juryroom.mail.Letter letter, List<Long> entryIds) {
    }

    /** The mails of every school with a submitted entry, or of {@code schoolId} only. */
    private List<Written> write(Competition c, Long schoolId) {
        Map<Long, EntryResults.Result> onTheList = results.placed(c);
        Map<Long, ShortlistEntry> shown = Shortlist.ofCompetition(c.id).map(Shortlist::entries).orElse(List.of())
                .stream().filter(se -> onTheList.containsKey(se.entryId))
                .collect(Collectors.toMap(se -> se.entryId, Function.identity()));
        jakarta.persistence.Query query = em.createNativeQuery("""
                select s.id, s.contact_name, s.contact_email, e.id,
                       (select u.language from app_user u where u.school_id = s.id and u.language is not null limit 1)
                from entry e join school s on s.id = e.school_id
                where e.competition_id = :cid and e.submitted_at is not null
                  and s.contact_email is not null and s.contact_email <> ''
                """ + (schoolId == null ? "" : " and s.id = :sid") + " order by s.id, e.id").setParameter("cid", c.id);
        if (schoolId != null) {
            query.setParameter("sid", schoolId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        String link = publicUrl + "/shortlist/" + c.id;
        List<Written> mails = new ArrayList<>();
        for (int i = 0; i < rows.size(); ) {
            Object[] school = rows.get(i);
            long id = ((Number) school[0]).longValue();
            List<Placed> placed = new ArrayList<>();
            List<Long> named = new ArrayList<>();
            for (; i < rows.size() && ((Number) rows.get(i)[0]).longValue() == id; i++) {
                ShortlistEntry se = shown.get(((Number) rows.get(i)[3]).longValue());
                if (se != null) {
                    placed.add(new Placed(se.title, se.code));
                    named.add(se.entryId);
                }
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("name", school[1]);
            data.put("competition", c.title);
            data.put("shortlisted", placed);
            data.put("link", link);
            mails.add(new Written((String) school[2], letters.render("result", w -> w.mail_result_subject(c.title),
                    data, (String) school[4]), named));
        }
        return mails;
    }
}
