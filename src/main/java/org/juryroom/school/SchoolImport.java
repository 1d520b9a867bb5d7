package org.juryroom.school;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.juryroom.common.Problem.Violation;
import org.juryroom.common.ProblemException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Schools from a CSV ({@link SchoolCsv}): a dry run reports, line by line, what would be created,
 * what exists already and what is wrong, and creates nothing; a real run refuses the whole file
 * (422, the same errors) unless every line is right, then creates the new schools and queues their
 * invitations in one transaction. Idempotent by contact e-mail (any case): a school whose address a
 * school already has is left alone, so importing the same file twice creates nothing the second time.
 * Imports run one at a time (a transaction-scoped advisory lock), so two at once cannot both create.
 */
@ApplicationScoped
public class SchoolImport {

    public enum Outcome { CREATE, CREATED, EXISTS }

    /** One data line: what happens (or happened) to it, and the school's id when it exists. */
    public record Line(int line, String name, String contactEmail, Outcome outcome, Long id) {
    }

    public record LineError(int line, String field, String message) {
    }

    public record Result(boolean dryRun, int created, int existing, List<Line> lines, List<LineError> errors) {
    }

    private final SchoolService schools;
    private final Validator validator;
    private final EntityManager em;

    public SchoolImport(SchoolService schools, Validator validator, EntityManager em) {
        this.schools = schools;
        this.validator = validator;
        this.em = em;
    }

    @Transactional
    public Result run(String csv, boolean dryRun) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('juryroom:school-import'))").getSingleResult();
        SchoolCsv.Parsed parsed = SchoolCsv.parse(csv);
        List<LineError> errors = new ArrayList<>();
        parsed.errors().forEach(v -> errors.add(new LineError(Integer.parseInt(v.field().substring(5)), null,
                v.message())));
        Map<String, Long> existing = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> known = em.createNativeQuery("select lower(contact_email), min(id) from school"
                + " where contact_email is not null group by lower(contact_email)").getResultList();
        known.forEach(r -> existing.put((String) r[0], ((Number) r[1]).longValue()));
        Map<String, Integer> seen = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        List<SchoolService.CreateSchool> requests = new ArrayList<>();
        for (SchoolCsv.Row row : parsed.rows()) {
            SchoolService.CreateSchool request = new SchoolService.CreateSchool(row.get("name"), row.get("district"),
                    row.get("contactName"), row.get("contactEmail"), null, true);
            List<ConstraintViolation<SchoolService.CreateSchool>> invalid = new ArrayList<>(validator.validate(request));
            invalid.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
            invalid.forEach(v -> errors.add(new LineError(row.line(), v.getPropertyPath().toString(), v.getMessage())));
            String email = row.get("contactEmail").toLowerCase(Locale.ROOT);
            Integer earlier = seen.putIfAbsent(email, row.line());
            if (earlier != null && !email.isEmpty()) {
                errors.add(new LineError(row.line(), "contactEmail", "the same address is on line " + earlier));
            }
            if (!invalid.isEmpty() || earlier != null) {
                continue;
            }
            Long id = existing.get(email);
            lines.add(new Line(row.line(), request.name(), request.contactEmail(),
                    id != null ? Outcome.EXISTS : Outcome.CREATE, id));
            if (id == null) {
                requests.add(request);
            }
        }
        errors.sort(Comparator.comparingInt(LineError::line));
        int exist = (int) lines.stream().filter(l -> l.outcome() == Outcome.EXISTS).count();
        if (dryRun) {
            return new Result(true, 0, exist, lines, errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("The file has errors; nothing was imported", errors.stream()
                    .map(e -> new Violation("line " + e.line() + (e.field() == null ? "" : "." + e.field()), e.message()))
                    .toList());
        }
        List<Line> done = new ArrayList<>();
        int r = 0;
        for (Line line : lines) {
            if (line.outcome() == Outcome.CREATE) {
                long id = schools.create(requests.get(r++)).school().id;
                done.add(new Line(line.line(), line.name(), line.contactEmail(), Outcome.CREATED, id));
            } else {
                done.add(line);
            }
        }
        return new Result(false, r, exist, done, List.of());
    }
}
