package org.juryroom.web.guardian;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.juryroom.consent.GuardianConsent.Scope;
import org.juryroom.consent.WithdrawalService;
import org.juryroom.consent.WithdrawalService.ConsentView;
import org.juryroom.web.Forms;
import org.juryroom.web.WebErrors;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The withdrawal form, one for the guardian's link and the school's and organiser's recording
 * pages: what was agreed, a tick per scope still given, a confirmation before a judging withdrawal
 * (the entry leaves the competition and its children's data is erased), then what remains.
 */
@ApplicationScoped
public class WithdrawalForms {

    /**
     * One form's state. {@code action}: where it posts (and the page itself); {@code staff}: a school or
     * organiser records the guardian's request; {@code confirm}: the judging step; {@code chosen}: the
     * ticked scopes; {@code done}: a withdrawal was just recorded; {@code confirmed}: the guardian just
     * confirmed their consent; {@code canConfirm}: the page was opened with the confirmation link mailed to
     * the guardian (never with the withdrawal link, which the school holds too).
     */
    public record Form(ConsentView consent, String noticeText, String action, boolean staff, boolean confirm,
                       List<String> chosen, boolean done, Forms.Errors errors, boolean confirmed, boolean canConfirm) {

        public List<Scope> withdrawable() {
            return consent.standing();
        }

        public List<Scope> scopes() {
            return List.of(Scope.values());
        }

        public boolean ticked(Scope s) {
            return chosen.contains(s.name());
        }
    }

    @CheckedTemplate(basePath = "guardian")
    static class Templates {
        static native TemplateInstance consent(Form form);
    }

    private final WithdrawalService withdrawals;
    private final WebErrors errors;

    public WithdrawalForms(WithdrawalService withdrawals, WebErrors errors) {
        this.withdrawals = withdrawals;
        this.errors = errors;
    }

    /** The page: what was agreed and the form; {@code done} after the redirect of a withdrawal. */
    public Response show(String action, boolean staff, Supplier<ConsentView> view, Supplier<String> notice,
                         boolean done) {
        return show(action, staff, view, notice, done, false, false);
    }

    /**
     * As {@link #show(String, boolean, Supplier, Supplier, boolean)}; {@code confirmed} after the guardian
     * confirmed; {@code canConfirm} with the guardian's confirmation link.
     */
    public Response show(String action, boolean staff, Supplier<ConsentView> view, Supplier<String> notice,
                         boolean done, boolean confirmed, boolean canConfirm) {
        ConsentView consent = view.get();
        // The address only asks for the word; it is said only when true (a crafted ?confirmed=1 on a consent
        // still awaiting the guardian must not tell them it is in force).
        return page(200, new Form(consent, notice.get(), action, staff, false, List.of(),
                done && !consent.withdrawn().isEmpty(), Forms.Errors.NONE, confirmed && consent.confirmedAt() != null,
                canConfirm));
    }

    /**
     * The guardian's "I confirm": the consent comes into force and the browser goes to the page that
     * {@code confirm} answers (the confirmation link is used up).
     */
    public Response confirm(String action, Supplier<ConsentView> view, Supplier<String> notice,
                            Supplier<String> confirm) {
        try {
            return WebErrors.redirect(confirm.get() + "?confirmed=1");
        } catch (RuntimeException e) {
            if (Forms.problem(e).status() == 404) {
                throw e;
            }
            return page(Forms.problem(e).status(), new Form(view.get(), notice.get(), action, false, false, List.of(),
                    false, Forms.errors(e), false, true));
        }
    }

    /**
     * A posted form: a judging withdrawal not yet confirmed shows the confirmation; otherwise the
     * withdrawal is made and the browser sent back to the page, or the form comes back with the refusal.
     */
    public Response post(String action, boolean staff, Supplier<ConsentView> view, Supplier<String> notice,
                         List<String> scopes, String confirm, Function<WithdrawalService.Withdraw, ConsentView> withdraw) {
        List<String> chosen = scopes == null ? List.of() : new ArrayList<>(scopes);
        if (chosen.contains(Scope.judging.name()) && !"yes".equals(confirm)) {
            ConsentView current = view.get();
            if (current.standing().contains(Scope.judging)) {
                return page(200, new Form(current, notice.get(), action, staff, true, chosen, false, Forms.Errors.NONE,
                        false, false));
            }
        }
        try {
            withdraw.apply(new WithdrawalService.Withdraw(chosen));
            return WebErrors.redirect(action + "?withdrawn=1");
        } catch (RuntimeException e) {
            if (Forms.problem(e).status() == 404) {
                throw e;
            }
            return page(Forms.problem(e).status(), new Form(view.get(), notice.get(), action, staff, false, chosen,
                    false, Forms.errors(e), false, false));
        }
    }

    public Response failed(Exception e) {
        return errors.page(e);
    }

    /** A guardian's link that opens no consent: the not-found page, with what the guardian can do about it. */
    public Response deadLink() {
        return errors.page(org.juryroom.web.WebErrors.Kind.NOT_FOUND, 404,
                io.quarkus.qute.i18n.MessageBundles.get(org.juryroom.web.GuardianMsg.class,
                        io.quarkus.qute.i18n.Localized.Literal.of(org.juryroom.i18n.Languages.ofCurrentRequest()))
                        .gd_dead_link());
    }

    // The page names a child: never kept by a cache.
    private static Response page(int status, Form form) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").entity(Templates.consent(form)).build();
    }
}
