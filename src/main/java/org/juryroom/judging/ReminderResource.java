package org.juryroom.judging;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.juryroom.access.Roles;

import java.net.URI;
import java.util.List;

@Path("/api/competitions/{cid}/reminders")
@Produces(MediaType.APPLICATION_JSON)
public class ReminderResource {

    public record Reminded(List<Long> reminded) {
    }

    private final JuryReminders reminders;

    public ReminderResource(JuryReminders reminders) {
        this.reminders = reminders;
    }

    /** Reminds every juror with unfinished assigned work; the mails are in the outbox. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ORGANISER)
    public RestResponse<Reminded> remind(@PathParam("cid") long cid) {
        return RestResponse.ResponseBuilder.<Reminded>created(URI.create("/api/outbox?status=QUEUED"))
                .entity(new Reminded(reminders.remindUnfinished(cid))).build();
    }
}
