package org.juryroom.access;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;
import org.juryroom.common.ProblemException;
import org.juryroom.judging.Juror;
import org.juryroom.mail.Letters;
import org.juryroom.mail.MailKind;
import org.juryroom.mail.Outbox;
import org.juryroom.mail.OutboxMessage;
import org.juryroom.ops.JuryRoomConfig;
import org.juryroom.safeguarding.SafeguardingLead;
import org.juryroom.school.School;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Links by mail that let a person choose their password: an invitation (instead of a generated
 * password on screen) and a password reset. A link carries a random token (32 bytes); only its
 * SHA-256 is stored, it works once and until it expires, and a newer link of the same kind for the
 * same account replaces the older. The mail goes through the outbox in the caller's transaction,
 * so an account and its invitation exist together or not at all. Choosing the password ends every
 * browser session of the account and voids its other links.
 */
@ApplicationScoped
public class AccountLinks {

    public enum Purpose {
        INVITE(Duration.ofDays(7), "/invite/", MailKind.INVITATION, "invitation"),
        RESET(Duration.ofHours(1), "/reset/", MailKind.PASSWORD_RESET, "reset");

        final Duration validFor;
        final String path;
        final MailKind kind;
        final String template;

        Purpose(Duration validFor, String path, MailKind kind, String template) {
            this.validFor = validFor;
            this.path = path;
            this.kind = kind;
            this.template = template;
        }
    }

    /** Whom a mail about an account goes to. A juror's mail never names a school. */
    record Contact(String email, String name, String schoolName, boolean juror) {
    }

    /** bcrypt reads at most 72 bytes: a longer password would be silently cut. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final Outbox outbox;
    private final Letters letters;
    private final String publicUrl;
    private final AuditLog audit;

    public AccountLinks(EntityManager em, Outbox outbox, Letters letters, JuryRoomConfig config,
                        AuditLog audit) {
        this.audit = audit;
        this.em = em;
        this.outbox = outbox;
        this.letters = letters;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    /**
     * Queues a link of this kind for the account, replacing any earlier one; part of the caller's
     * transaction (registering the account). Audited as {@code INVITATION_SENT} for an invitation.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMessage send(AppUser user, Purpose purpose) {
        return sendAudited(user, purpose, purpose == Purpose.INVITE ? AuditAction.INVITATION_SENT
                : AuditAction.PASSWORD_RESET_SENT);
    }

    private OutboxMessage sendAudited(AppUser user, Purpose purpose, AuditAction action) {
        Contact contact = contactOf(user).orElseThrow(() -> ProblemException.conflict(
                "Account " + user.username + " has no e-mail address to send a link to"));
        OutboxMessage m = send(user, contact, purpose, null);
        audit.record(action, null, subjectOf(user), null, Map.of("username", user.username, "message", m.id));
        return m;
    }

    /** What an audit line about an account is about: its school, juror or safeguarding lead. */
    static AuditLog.Subject subjectOf(AppUser user) {
        return user.schoolId != null ? AuditLog.Subject.of("school", user.schoolId)
                : user.jurorId != null ? AuditLog.Subject.of("juror", user.jurorId)
                : user.safeguardingLeadId != null ? AuditLog.Subject.of("safeguardingLead", user.safeguardingLeadId)
                : AuditLog.Subject.of("user", user.id);
    }

    /** {@code asked}: the language the link was asked for in, for an account that chose none (null: this request's). */
    private OutboxMessage send(AppUser user, Contact contact, Purpose purpose, String asked) {
        em.createNativeQuery("update account_token set used_at = now() where user_id = :user and purpose = :purpose"
                        + " and used_at is null").setParameter("user", user.id).setParameter("purpose", purpose.name())
                .executeUpdate();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        em.createNativeQuery("insert into account_token (token_hash, user_id, purpose, expires_at)"
                        + " values (:hash, :user, :purpose, :expires)")
                .setParameter("hash", hash(token)).setParameter("user", user.id)
                .setParameter("purpose", purpose.name())
                .setParameter("expires", Timestamp.from(Instant.now().plus(purpose.validFor))).executeUpdate();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", contact.name());
        data.put("username", user.username);
        data.put("link", publicUrl + purpose.path + token);
        data.put("schoolName", contact.juror() ? null : contact.schoolName());
        data.put("juror", contact.juror());
        return outbox.queue(purpose.kind, contact.email(), letters.render(purpose.template,
                w -> purpose == Purpose.INVITE ? w.mail_invite_subject() : w.mail_reset_subject(), data,
                user.language != null ? user.language : asked));
    }

    /**
     * A reset link to every account that uses this address (a contact may look after several
     * schools); nothing, and no sign of it, when none does.
     */
    @Transactional
    public void requestReset(String email, String language) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        List<AppUser> users = AppUser.list("deactivatedAt is null and (schoolId in (select s.id from School s where lower(s.contactEmail) = ?1)"
                + " or jurorId in (select j.id from Juror j where lower(j.email) = ?1)"
                + " or safeguardingLeadId in (select l.id from SafeguardingLead l where lower(l.email) = ?1))"
                + " order by id", address);
        for (AppUser user : users) {
            contactOf(user).ifPresent(contact -> send(user, contact, Purpose.RESET, language));
        }
    }

    /**
     * Sets the password of the account the token was issued to, if the token is of this kind,
     * unused and not expired (else 410); the token is used up in the same transaction.
     */
    @Transactional
    public void choosePassword(String token, Purpose purpose, String password) {
        checkNewPassword(password);
        String refusal = purpose == Purpose.INVITE
                ? "This invitation link has been used, has expired or was replaced by a newer one: ask the organisers for a new one"
                : "This reset link has been used, has expired or was replaced by a newer one: ask for a new one";
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw gone(refusal);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select t.user_id, t.used_at is null and t.expires_at > now()"
                        + " and u.deactivated_at is null from account_token t join app_user u on u.id = t.user_id"
                        + " where t.token_hash = :hash and t.purpose = :purpose for update of t")
                .setParameter("hash", hash(token)).setParameter("purpose", purpose.name()).getResultList();
        if (rows.isEmpty() || !Boolean.TRUE.equals(rows.get(0)[1])) {
            throw gone(refusal);
        }
        long userId = ((Number) rows.get(0)[0]).longValue();
        // Every open link of the account goes: this one is used, the others are void once the password is chosen.
        em.createNativeQuery("update account_token set used_at = now() where user_id = :user and used_at is null")
                .setParameter("user", userId).executeUpdate();
        AppUser user = AppUser.findById(userId);
        user.passwordHash = BcryptUtil.bcryptHash(password);
        audit.record(purpose == Purpose.INVITE ? AuditAction.INVITATION_ACCEPTED : AuditAction.PASSWORD_RESET_USED,
                null, subjectOf(user), null, Map.of("username", user.username));
        // Whoever was signed in with the old password is signed out everywhere, API tokens included:
        // a reset after a compromise must not leave the intruder's token working.
        BrowserSession.delete("user.id", userId);
        int revoked = em.createNativeQuery("update api_token set revoked_at = now()"
                        + " where user_id = :user and revoked_at is null")
                .setParameter("user", userId).executeUpdate();
        if (revoked > 0) {
            audit.record(AuditAction.API_TOKEN_REVOKED, null, subjectOf(user), null,
                    Map.of("username", user.username, "tokens", revoked, "because", "password changed"));
        }
    }

    /** The password rule for passwords people choose (generated ones are 16 characters). */
    static void checkNewPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw ProblemException.unprocessable("password",
                    "password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ProblemException.unprocessable("password",
                    "password must not be longer than " + MAX_PASSWORD_BYTES + " bytes in UTF-8 (about 70 letters)");
        }
        if (password.isBlank() || !password.strip().equals(password)) {
            throw ProblemException.unprocessable("password", "password must not start or end with a space");
        }
    }

    /** The account of a school or a juror, for an organiser's resend; 404 when there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AppUser accountOfSchool(long schoolId) {
        return AppUser.<AppUser>find("schoolId", schoolId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("School " + schoolId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AppUser accountOfJuror(long jurorId) {
        return AppUser.<AppUser>find("jurorId", jurorId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Juror " + jurorId));
    }

    /** The account of a safeguarding lead; 404 when there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AppUser accountOfLead(long leadId) {
        return AppUser.<AppUser>find("safeguardingLeadId", leadId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Safeguarding lead " + leadId));
    }

    /** An organiser sends a link (a new invitation or a reset) to a school's, a juror's or a lead's account. */
    @Transactional
    public Outbox.View resend(AppUser account, Purpose purpose) {
        if (account.deactivatedAt != null) {
            throw ProblemException.conflict("The account is deactivated: reactivate it before sending it a link");
        }
        return Outbox.View.of(sendAudited(em.merge(account), purpose,
                purpose == Purpose.INVITE ? AuditAction.INVITATION_RESENT : AuditAction.PASSWORD_RESET_SENT));
    }

    static Optional<Contact> contactOf(AppUser user) {
        if (user.schoolId != null) {
            School s = School.findById(user.schoolId);
            return Optional.of(new Contact(s.contactEmail, s.contactName, s.name, false));
        }
        if (user.jurorId != null) {
            Juror j = Juror.findById(user.jurorId);
            return Optional.of(new Contact(j.email, j.name, null, true));
        }
        if (user.safeguardingLeadId != null) {
            SafeguardingLead l = SafeguardingLead.findById(user.safeguardingLeadId);
            return Optional.of(new Contact(l.email, l.name, null, false));
        }
        return Optional.empty();
    }

    private static ProblemException gone(String detail) {
        return new ProblemException(410, "Gone", detail);
    }

    /** SHA-256 in hex: how a single-use link's secret is kept (here, and a guardian's confirmation secret). */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
