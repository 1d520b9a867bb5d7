package org.juryroom.judging;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.juryroom.access.Roles;
import org.juryroom.common.ProblemException;

/** A juror's own statistics: their marks beside the jury's, never another juror's. */
@Path("/api/jurors/me/stats")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.JUROR)
public class JurorStatsResource {

    private final JurorStats stats;

    public JurorStatsResource(JurorStats stats) {
        this.stats = stats;
    }

    @GET
    public JurorStats.Stats mine(@QueryParam("competitionId") Long competitionId) {
        if (competitionId == null) {
            throw ProblemException.unprocessable("competitionId", "name the competition: ?competitionId=");
        }
        return stats.mine(competitionId);
    }
}
