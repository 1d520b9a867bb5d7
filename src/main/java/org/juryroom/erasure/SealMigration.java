package org.juryroom.erasure;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.juryroom.ranking.Shortlist;
import org.juryroom.ranking.ShortlistService;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * At start-up, moves every format-1 seal (titles in clear) to format 2 (their hashes), so that an
 * erased title never breaks a seal (docs/judging.md). One instance at a time (a PostgreSQL advisory
 * lock, waited for: the second instance then finds nothing to do); each seal in its own transaction
 * ({@link ShortlistService#migrateSeal}); a seal that no longer verifies stays format 1.
 */
@ApplicationScoped
public class SealMigration {

    private static final Logger LOG = Logger.getLogger(SealMigration.class);
    /** Advisory lock key: "JURYSEAL" as a number, unique to this task. */
    static final long LOCK_KEY = 0x4A55525953454B4CL;

    private final ShortlistService shortlists;
    private final AgroalDataSource dataSource;

    public SealMigration(ShortlistService shortlists, AgroalDataSource dataSource) {
        this.shortlists = shortlists;
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event, org.juryroom.ops.StartSteps steps) {
        steps.run("seal migration", this::migrateAll);
    }

    /** Migrates every format-1 seal that still verifies; returns how many were migrated. */
    public int migrateAll() throws SQLException {
        try (Connection lock = dataSource.getConnection()) {
            advisory(lock, "select pg_advisory_lock(?)");
            try {
                List<Long> competitions = QuarkusTransaction.requiringNew().call(() -> Shortlist
                        .<Shortlist>find("sealFormat < ?1 order by id", ShortlistService.TITLE_HASH_FORMAT).list()
                        .stream().map(s -> s.competitionId).toList());
                int migrated = 0;
                for (long cid : competitions) {
                    if (QuarkusTransaction.requiringNew().call(() -> shortlists.migrateSeal(cid))) {
                        migrated++;
                    }
                }
                if (!competitions.isEmpty()) {
                    LOG.infof("Seal migration: %d of %d format-1 seals moved to format 2", migrated,
                            competitions.size());
                }
                return migrated;
            } finally {
                advisory(lock, "select pg_advisory_unlock(?)");
            }
        }
    }

    private static void advisory(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, LOCK_KEY);
            s.execute();
        }
    }
}
