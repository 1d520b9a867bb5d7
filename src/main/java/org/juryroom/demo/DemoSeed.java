package org.juryroom.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import org.juryroom.consent.ConsentNotice;
import org.juryroom.consent.ConsentNotices;
import org.juryroom.consent.ConsentService;
import org.juryroom.consent.ConsentSummary;
import org.juryroom.consent.GuardianConsent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;
import org.juryroom.access.Credentials;
import org.juryroom.access.Roles;
import org.juryroom.competition.Category;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.competition.Criterion;
import org.juryroom.entry.Entry;
import org.juryroom.entry.EntryStatus;
import org.juryroom.entry.Participant;
import org.juryroom.judging.Assignment;
import org.juryroom.judging.AssignmentService;
import org.juryroom.judging.Juror;
import org.juryroom.judging.PanelMember;
import org.juryroom.judging.Scorecard;
import org.juryroom.judging.ScorecardStatus;
import org.juryroom.ops.JuryRoomConfig;
import org.juryroom.school.School;
import org.juryroom.storage.FileInspector;
import org.juryroom.storage.FileService;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo (embedded and dev profiles only): "Stay Safe Online" with 30 schools, 5 jurors, about 60
 * entries made from uploads-sample/ and judging under way, and "Online Safety Week", open for
 * entries, where the schools can try their side. Each competition runs once under its own marker
 * row, written in its first transaction: a restart, or a crash half-way, never seeds twice, and a
 * data directory seeded before the second existed gets it on its next start.
 */
@Singleton
public class DemoSeed {

    private static final Logger LOG = Logger.getLogger(DemoSeed.class);
    static final String MARKER = "demo-stay-safe-online";
    static final String OPEN_CALL_MARKER = "demo-online-safety-week";
    static final String OPEN_CALL_TITLE = "Online Safety Week";
    /** Where the samples travel inside the app (pom.xml, profile embedded). */
    static final String SHIPPED_SAMPLES = "demo-samples/";

    /** Who is who in the demo, for the start banner and the README (password = username). */
    public static final List<String> ACCOUNTS = List.of(
            "organiser                  the organiser: both competitions, the whole console",
            "school01 ... school30      teachers: enter 'Online Safety Week' (open for entries)",
            "designer, juror2 ... juror5 jurors: score 'Stay Safe Online' (the designer has not started)",
            "safeguarding               the safeguarding lead: concerns raised about entries");
    static final int SCHOOLS = 30;
    static final int ENTRIES = 60;

    private static final String[] DISTRICTS = {"Kolkata North", "Kolkata South", "Howrah", "Hooghly", "Nadia",
            "Darjeeling"};
    private static final String[] SCHOOL_NAMES = {"Sunrise", "Lakeview", "Green Valley", "St. Xavier's", "Riverside",
            "Hill Top", "Modern", "Little Flower", "Pathfinder", "Shanti Niketan"};
    private static final String[] FIRST_NAMES = {"Riya", "Arjun", "Mira", "Kabir", "Ishaan", "Ananya", "Farhan",
            "Tara", "Rohan", "Sana", "Dev", "Nila", "Aarav", "Zoya", "Kiran", "Meghna", "Tanvir", "Puja"};

    /** Jurors: the designer first; juror2 marks harshly and juror4 leniently, so normalisation shows. */
    private static final String[][] JURORS = {
            {"designer", "Ananya Roy", "Graphic designer", "0"},
            {"juror2", "Prof. Suresh Iyer", "Child-rights lawyer", "-18"},
            {"juror3", "Dr. Meera Sen", "Child psychologist", "0"},
            {"juror4", "Rahul Bose", "Cyber-safety trainer", "15"},
            {"juror5", "Fatima Khan", "School counsellor", "4"}};

    private final JuryRoomConfig config;
    private final FileInspector inspector;
    private final FileService files;
    private final AssignmentService assignments;
    private final EntityManager em;
    private final ConsentNotices notices;

    public DemoSeed(JuryRoomConfig config, FileInspector inspector, FileService files, AssignmentService assignments,
                    EntityManager em, ConsentNotices notices) {
        this.notices = notices;
        this.config = config;
        this.inspector = inspector;
        this.files = files;
        this.assignments = assignments;
        this.em = em;
    }

    // Runs after StartupTasks (bucket and organiser exist).
    void onStart(@Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 100)
                 StartupEvent event) throws IOException {
        if (!config.demo().seed() || seeded()) {
            return;
        }
        if (config.demo().samplesDir().isPresent()) {
            seed(Path.of(config.demo().samplesDir().get()));
            return;
        }
        Path shipped = Files.createTempDirectory("juryroom-demo-samples-");
        try {
            seed(DemoSamples.extract(SHIPPED_SAMPLES, shipped) ? shipped : Path.of("uploads-sample"));
        } finally {
            DemoSamples.delete(shipped);
        }
    }

    private boolean seeded() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from seed_marker where name in (?1, ?2)").setParameter(1, MARKER)
                .setParameter(2, OPEN_CALL_MARKER).getSingleResult()).intValue() == 2);
    }

    /**
     * Seeds what is not seeded yet: the judging demo from the sample folder, then the open call;
     * false when both were seeded before (or there are no samples).
     */
    public boolean seed(Path samples) throws IOException {
        if (!Files.isRegularFile(samples.resolve("manifest.csv"))) {
            LOG.warnf("Demo seed skipped: no %s (the app was built without -Pembedded, and juryroom.demo.samples-dir"
                    + " does not name the uploads-sample folder)", samples.resolve("manifest.csv").toAbsolutePath());
            return false;
        }
        boolean judging = seedJudging(samples);
        boolean open = QuarkusTransaction.requiringNew().call(this::seedOpenCall);
        return judging || open;
    }

    private boolean seedJudging(Path samples) throws IOException {
        List<Sample> manifest = readManifest(samples);
        Long competitionId = QuarkusTransaction.requiringNew().call(this::claimAndCreateBasics);
        if (competitionId == null) {
            return false;
        }
        long began = System.nanoTime();
        Random random = new Random(20261122L);
        List<Long> schoolIds = QuarkusTransaction.requiringNew().call(() ->
                School.<School>list("order by id").stream().map(s -> s.id).toList());
        for (int i = 0; i < ENTRIES; i++) {
            Sample sample = manifest.get(i % manifest.size());
            long schoolId = schoolIds.get(i % schoolIds.size());
            createEntry(competitionId, schoolId, sample, samples, i, random);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Competition c = Competition.findById(competitionId);
            c.status = CompetitionStatus.JUDGING;
        });
        assignments.assign(competitionId, 3, 7L);
        QuarkusTransaction.requiringNew().run(() -> scoreSome(competitionId, random));
        LOG.infof("Demo seeded: 'Stay Safe Online' with %d schools, %d jurors, %d entries (%d ms)", SCHOOLS,
                JURORS.length, ENTRIES, (System.nanoTime() - began) / 1_000_000);
        return true;
    }

    record Sample(String file, String category, String title) {
    }

    private static List<Sample> readManifest(Path samples) throws IOException {
        try (Reader in = Files.newBufferedReader(samples.resolve("manifest.csv"))) {
            List<Sample> list = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                list.add(new Sample(r.get("file"), r.get("category"), r.get("title")));
            }
            return list;
        }
    }

    /** Claims the marker and creates competition, schools and jurors; null when already seeded. */
    private Long claimAndCreateBasics() {
        int claimed = em.createNativeQuery("insert into seed_marker (name) values (?1) on conflict do nothing")
                .setParameter(1, MARKER).executeUpdate();
        if (claimed == 0) {
            return null;
        }
        Competition c = competition("Stay Safe Online",
                "Posters, essays and short videos by school students on staying safe from online sexual abuse",
                Instant.now().minus(30, ChronoUnit.DAYS), Instant.now().plus(14, ChronoUnit.DAYS), 25, 5);
        c.persist();
        for (int i = 0; i < SCHOOLS; i++) {
            School s = new School();
            s.name = SCHOOL_NAMES[i % SCHOOL_NAMES.length] + " School, " + DISTRICTS[i % DISTRICTS.length];
            s.district = DISTRICTS[i % DISTRICTS.length];
            s.contactName = "Teacher " + (i + 1);
            s.contactEmail = "teacher" + (i + 1) + "@school.example";
            s.safeguardingName = "Safeguarding contact " + (i + 1);
            s.safeguardingPhone = String.format("+91 98300 %05d", i + 1);
            s.safeguardingEmail = "safeguarding" + (i + 1) + "@school.example";
            s.persist();
            String username = String.format("school%02d", i + 1);
            Credentials.create(username, username, Roles.SCHOOL, s.id, null);
        }
        for (String[] j : JURORS) {
            Juror juror = new Juror();
            juror.name = j[1];
            juror.email = j[0] + "@jury.example";
            juror.expertise = j[2];
            juror.persist();
            Credentials.create(j[0], j[0], Roles.JUROR, null, juror.id);
            // The demo's jury: assignment draws from these five only, whoever else is in the database.
            PanelMember member = new PanelMember();
            member.competitionId = c.id;
            member.jurorId = juror.id;
            member.persist();
        }
        // The commission's designated safeguarding lead (docs/safeguarding.md).
        org.juryroom.safeguarding.SafeguardingLead lead = new org.juryroom.safeguarding.SafeguardingLead();
        lead.name = "Dr Mitali Sen";
        lead.email = "safeguarding@commission.example";
        lead.phone = "+91 33 2000 1098";
        lead.persist();
        Credentials.create("safeguarding", "safeguarding", Roles.SAFEGUARDING, null, null, lead.id);
        return c.id;
    }

    /** A new OPEN competition with the demo's categories and rubric. */
    private static Competition competition(String title, String theme, Instant opens, Instant closes, int shortlist,
                                           int maxEntriesPerSchool) {
        Competition c = new Competition();
        c.title = title;
        c.theme = theme;
        c.submissionOpensAt = opens;
        c.submissionClosesAt = closes;
        c.shortlistSize = shortlist;
        c.maxEntriesPerSchool = maxEntriesPerSchool;
        c.status = CompetitionStatus.OPEN;
        c.categories.add(category(c, "poster", "Poster", "image/jpeg,image/png,image/webp", 20L << 20));
        c.categories.add(category(c, "essay", "Essay", "application/pdf", 10L << 20));
        c.categories.add(category(c, "video", "Short video", "video/mp4,video/webm", 200L << 20));
        c.criteria.add(criterion(c, 0, "message", "Clarity of the safety message",
                "Would a classmate understand what to do and whom to tell?", "40"));
        c.criteria.add(criterion(c, 1, "originality", "Originality", "A fresh idea, not a copy of a campaign.", "25"));
        c.criteria.add(criterion(c, 2, "craft", "Craft and design", "Composition, legibility, care in making.", "20"));
        c.criteria.add(criterion(c, 3, "age-fit", "Right for children",
                "Speaks to children without frightening or shaming them.", "15"));
        return c;
    }

    /**
     * "Online Safety Week": open for entries for another six weeks from the day it is seeded, with
     * the demo's jury as its panel, so a teacher can try entering, uploading and submitting.
     */
    private boolean seedOpenCall() {
        int claimed = em.createNativeQuery("insert into seed_marker (name) values (?1) on conflict do nothing")
                .setParameter(1, OPEN_CALL_MARKER).executeUpdate();
        if (claimed == 0) {
            return false;
        }
        Competition c = competition(OPEN_CALL_TITLE,
                "A week of posters, essays and short videos: how to tell a trusted adult when something online feels wrong",
                Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(42, ChronoUnit.DAYS), 10, 3);
        c.persist();
        for (String[] j : JURORS) {
            Juror juror = Juror.find("email", j[0] + "@jury.example").firstResult();
            if (juror != null) {
                PanelMember member = new PanelMember();
                member.competitionId = c.id;
                member.jurorId = juror.id;
                member.persist();
            }
        }
        LOG.infof("Demo seeded: '%s', open for entries until %s", OPEN_CALL_TITLE, c.submissionClosesAt);
        return true;
    }

    private void createEntry(long competitionId, long schoolId, Sample sample, Path samples, int index, Random random) {
        Category category = QuarkusTransaction.requiringNew().call(() ->
                Competition.<Competition>findById(competitionId).category(sample.category()).orElseThrow());
        var inspected = inspector.inspect(samples.resolve(sample.file()), Path.of(sample.file()).getFileName().toString(),
                category);
        try {
            storeEntry(competitionId, schoolId, sample, index, random, inspected);
        } finally {
            inspected.discard();
        }
    }

    private void storeEntry(long competitionId, long schoolId, Sample sample, int index, Random random,
                            FileInspector.Inspected inspected) {
        int participants = 1 + random.nextInt(3);
        boolean publishNames = random.nextInt(10) < 7;
        boolean publishWork = random.nextInt(10) < 9;
        int noticeVersion = notices.currentVersion();
        // Its own generator, so the rest of the demo stays as it was before consent was per child.
        Random guardians = new Random(7919L * index + 17);
        files.store(List.of(inspected), () -> {
            Entry e = new Entry();
            e.competition = Competition.findById(competitionId);
            e.school = School.findById(schoolId);
            e.category = e.competition.category(sample.category()).orElseThrow();
            e.code = org.juryroom.entry.EntryCodes.next();
            e.title = index < 22 ? sample.title() : sample.title() + " (" + (index / 22 + 1) + ")";
            e.statement = "We made this " + sample.category() + " to help children in our school stay safe online.";
            e.consentAttestedBy = "Class teacher";
            for (int p = 0; p < participants; p++) {
                Participant part = new Participant();
                part.entry = e;
                part.position = p;
                part.firstName = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
                part.grade = 5 + random.nextInt(6);
                e.participants.add(part);
            }
            e.status = EntryStatus.SUBMITTED;
            e.submittedAt = Instant.now();
            e.persist();
            List<GuardianConsent> records = new java.util.ArrayList<>();
            for (Participant part : e.participants) {
                // Every guardian agreed to judging; the work is shown when all agreed; names vary child by child.
                records.add(guardianConsent(e, part, noticeVersion, publishWork,
                        publishNames && guardians.nextInt(10) < 8, guardians));
            }
            ConsentSummary.apply(e, records);
            return e.id;
        }, org.juryroom.entry.EntryService::discardCreated);
    }

    private static final String[] GUARDIAN_NAMES = {"Sunita", "Rakesh", "Farida", "Amit", "Lakshmi", "Joseph",
            "Parveen", "Gopal"};

    private static GuardianConsent guardianConsent(Entry e, Participant child, int noticeVersion, boolean publishWork,
                                                   boolean publishName, Random random) {
        GuardianConsent r = new GuardianConsent();
        r.entryId = e.id;
        r.participant = child;
        r.position = child.position;
        r.token = ConsentService.newToken();
        r.guardianName = GUARDIAN_NAMES[random.nextInt(GUARDIAN_NAMES.length)];
        r.relationship = random.nextInt(10) < 9 ? GuardianConsent.Relationship.PARENT
                : GuardianConsent.Relationship.LEGAL_GUARDIAN;
        r.guardianPhone = "+91 98300 " + (10000 + random.nextInt(90000));
        r.verification = GuardianConsent.Verification.PAPER_FORM_HELD_BY_SCHOOL;
        r.verificationReference = "FORM-" + e.code + "-" + (child.position + 1);
        r.notice = ConsentNotice.find("version", noticeVersion).firstResult();
        r.judging = true;
        r.publishWork = publishWork;
        r.publishName = publishName;
        r.givenAt = Instant.now();
        r.recordedBy = "demo";
        r.attestedBy = e.consentAttestedBy;
        r.persist();
        return r;
    }

    /** Every juror but the designer has scored their queue, each with their own leniency. */
    private void scoreSome(long competitionId, Random random) {
        Competition c = Competition.findById(competitionId);
        for (String[] j : JURORS) {
            if (j[0].equals("designer")) {
                continue;
            }
            Juror juror = Juror.find("email", j[0] + "@jury.example").firstResult();
            int bias = Integer.parseInt(j[3]);
            for (Assignment a : Assignment.<Assignment>list("competitionId = ?1 and jurorId = ?2", competitionId,
                    juror.id)) {
                // The entry's "true" quality, the same for every juror, plus this juror's bias and noise.
                double quality = 35 + (a.entryId * 7919 % 60);
                Scorecard s = new Scorecard();
                s.entryId = a.entryId;
                s.jurorId = juror.id;
                for (Criterion k : c.criteria) {
                    double pct = Math.max(0, Math.min(100, quality + bias + random.nextGaussian() * 8));
                    s.scores.put(k.id, k.minScore + (int) Math.round(pct / 100 * (k.maxScore - k.minScore)));
                }
                s.comment = "Demo scorecard";
                s.status = ScorecardStatus.SUBMITTED;
                s.persist();
            }
        }
    }

    private static Category category(Competition c, String code, String name, String types, long maxBytes) {
        Category k = new Category();
        k.competition = c;
        k.code = code;
        k.name = name;
        k.allowedTypesCsv = types;
        k.maxFileBytes = maxBytes;
        return k;
    }

    private static Criterion criterion(Competition c, int position, String code, String name, String description,
                                       String weight) {
        Criterion k = new Criterion();
        k.competition = c;
        k.position = position;
        k.code = code;
        k.name = name;
        k.description = description;
        k.weight = new BigDecimal(weight);
        k.minScore = 1;
        k.maxScore = 10;
        return k;
    }
}
