package org.juryroom.storage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.juryroom.access.Roles;

import java.util.List;
import java.util.Map;

/** Organiser tools for the file store: reconciler status, a reconciliation now, a full re-hash. */
@Path("/api/admin/storage")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ORGANISER)
public class StorageAdminResource {

    public record ReconcilerStatus(Map<String, Object> counts, List<ReconcilerRun> lastRuns) {
    }

    private final StorageReconciler reconciler;
    private final StorageVerifier verifier;

    public StorageAdminResource(StorageReconciler reconciler, StorageVerifier verifier) {
        this.reconciler = reconciler;
        this.verifier = verifier;
    }

    @GET
    @Path("/reconciler")
    public ReconcilerStatus status() {
        return new ReconcilerStatus(reconciler.counts(), reconciler.lastRuns(10));
    }

    @POST
    @Path("/reconcile")
    public StorageReconciler.Report reconcile() {
        return reconciler.run();
    }

    @POST
    @Path("/verify")
    public StorageVerifier.Report verify() {
        return verifier.verifyAll();
    }
}
