package org.juryroom.access;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.juryroom.common.ChangeSignals;

import java.util.regex.Pattern;

/**
 * Sees every statement Hibernate sends (entities, HQL, native SQL alike) and, for a transaction that
 * writes an account or an API token, moves the accounts' generation after it completes, before its
 * request is answered: what {@link SignInMemory} remembered is then read again by the next request on
 * this instance, without waiting for the notification (V37) that tells the other instances. One place
 * for every writer; a token's last-use write changes nothing remembered and is left out.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class AccountWrites implements StatementInspector {

    private static final Pattern WRITE = Pattern.compile(
            "\\s*(?:insert\\s+into|update|delete\\s+from)\\s+(?:app_user|api_token)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TOUCH = Pattern.compile(
            "\\s*update\\s+api_token(?:\\s+\\w+)?\\s+set\\s+(?:\\w+\\.)?last_used_at\\s*=\\s*\\?\\s+where\\s+(?:\\w+\\.)?id\\s*=\\s*\\?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Object KEY = new Object();

    private final TransactionSynchronizationRegistry transactions;
    private final ChangeSignals signals;

    public AccountWrites(TransactionSynchronizationRegistry transactions, ChangeSignals signals) {
        this.transactions = transactions;
        this.signals = signals;
    }

    /** Whether {@code sql} may change an account or a token as a sign-in reads it. Pure. */
    static boolean changesAccounts(String sql) {
        return (sql.contains("app_user") || sql.contains("api_token") || sql.contains("APP_USER")
                || sql.contains("API_TOKEN")) && WRITE.matcher(sql).matches() && !TOUCH.matcher(sql).matches();
    }

    @Override
    public String inspect(String sql) {
        if (changesAccounts(sql)) {
            changed();
        }
        return sql;
    }

    private void changed() {
        int status = transactions.getTransactionStatus();
        if (status != Status.STATUS_ACTIVE && status != Status.STATUS_MARKED_ROLLBACK) {
            signals.accountsChanged();
            return;
        }
        if (transactions.getResource(KEY) == null) {
            transactions.putResource(KEY, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int outcome) {
                    signals.accountsChanged();
                }
            });
        }
    }
}
