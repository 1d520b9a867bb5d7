package org.juryroom.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.juryroom.common.Problem.Violation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * People from a CSV ({@link Csv}), for every kind of person the organisers import (schools, jurors):
 * a dry run reports, line by line, what would be created, what exists already and what is wrong,
 * and creates nothing; a real run refuses the whole file (422, the same errors) unless every line is
 * right, then creates the new people (and queues their invitations) in one transaction. Idempotent
 * by e-mail (any case): a line whose address someone of that kind has already is left alone, so
 * importing the same file twice creates nothing the second time. Imports of one kind run one at a
 * time (a transaction-scoped advisory lock), so two at once cannot both create.
 */
@ApplicationScoped
public class CsvImport {

    public enum Outcome { CREATE, CREATED, EXISTS }

    /** One data line: what happens (or happened) to it, and the person's id when they exist. */
    public record Line(int line, String name, String email, Outcome outcome, Long id) {
    }

    public record LineError(int line, String field, String message) {
    }

    public record Result(boolean dryRun, int created, int existing, List<Line> lines, List<LineError> errors) {
    }

    /**
     * What one kind of import needs: its columns (named as the fields of its create request, so
     * that validation messages point at the column), the request a row stands for, who exists, and
     * how to create one. {@code create} runs in the import's transaction.
     */
    public interface Kind<R> {
        String name();

        List<String> required();

        List<String> optional();

        String emailColumn();

        R request(Csv.Row row);

        /** Lower-cased e-mail → the id of the (first) person of this kind who has it. */
        Map<String, Long> existing();

        long create(R request);
    }

    private final Validator validator;
    private final EntityManager em;

    public CsvImport(Validator validator, EntityManager em) {
        this.validator = validator;
        this.em = em;
    }

    /** The API's {@code dryRun} parameter: absent is false; anything but true/false is refused (a mistyped preview must not import). */
    public static boolean dryRun(String value) {
        if (value != null && !value.equals("true") && !value.equals("false")) {
            throw new ProblemException(400, "Bad request", "dryRun must be true or false",
                    List.of(new Violation("dryRun", "must be true or false")), Map.of());
        }
        return "true".equals(value);
    }

    /** Thousands of accounts (a password hash each) and their invitations in one transaction: minutes, not the default 60 s. */
    @Transactional
    @io.quarkus.narayana.jta.runtime.TransactionConfiguration(timeout = 1800)
    public <R> Result run(Kind<R> kind, String csv, boolean dryRun) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(:name))")
                .setParameter("name", "juryroom:import:" + kind.name()).getSingleResult();
        Csv.Parsed parsed = Csv.parse(csv, kind.required(), kind.optional());
        List<LineError> errors = new ArrayList<>();
        parsed.errors().forEach(v -> errors.add(new LineError(Integer.parseInt(v.field().substring(5)), null,
                v.message())));
        Map<String, Long> existing = kind.existing();
        Map<String, Integer> seen = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        List<R> requests = new ArrayList<>();
        for (Csv.Row row : parsed.rows()) {
            R request = kind.request(row);
            List<ConstraintViolation<R>> invalid = new ArrayList<>(validator.validate(request));
            invalid.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
            invalid.forEach(v -> errors.add(new LineError(row.line(), v.getPropertyPath().toString(), v.getMessage())));
            String email = row.get(kind.emailColumn()).toLowerCase(Locale.ROOT);
            Integer earlier = seen.putIfAbsent(email, row.line());
            if (earlier != null && !email.isEmpty()) {
                errors.add(new LineError(row.line(), kind.emailColumn(), "the same address is on line " + earlier));
            }
            if (!invalid.isEmpty() || earlier != null) {
                continue;
            }
            Long id = existing.get(email);
            lines.add(new Line(row.line(), row.get("name"), row.get(kind.emailColumn()),
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
                long id = kind.create(requests.get(r++));
                done.add(new Line(line.line(), line.name(), line.email(), Outcome.CREATED, id));
            } else {
                done.add(line);
            }
        }
        return new Result(false, r, exist, done, List.of());
    }

    /** {@link Kind#existing()} for a table and its e-mail column. */
    public Map<String, Long> existingByEmail(String table, String column) {
        Map<String, Long> existing = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> known = em.createNativeQuery("select lower(" + column + "), min(id) from " + table
                + " where " + column + " is not null group by lower(" + column + ")").getResultList();
        known.forEach(r -> existing.put((String) r[0], ((Number) r[1]).longValue()));
        return existing;
    }
}
