package org.juryroom.storage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** What one reconciler run did; kept in the database so every instance reports every run. */
@Entity
@Table(name = "reconciler_run")
public class ReconcilerRun extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public String instance;

    @Column(name = "pending_stored")
    public int pendingStored;

    @Column(name = "pending_removed")
    public int pendingRemoved;

    @Column(name = "objects_listed")
    public long objectsListed;

    @Column(name = "orphans_deleted")
    public int orphansDeleted;

    public int failures;

    public String note;

    public static List<ReconcilerRun> latest(int n) {
        return find("order by id desc").page(0, n).list();
    }
}
