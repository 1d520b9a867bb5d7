package org.juryroom.safeguarding;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.juryroom.access.Roles;

import java.net.URI;
import java.util.List;

@Path("/api/safeguarding-leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ORGANISER)
public class SafeguardingLeadResource {

    /** The only response that carries a new lead's generated password (null when an existing account gained the role). */
    public record LeadCredentials(long id, String name, String username, String password) {
    }

    private final SafeguardingLeadService leads;

    public SafeguardingLeadResource(SafeguardingLeadService leads) {
        this.leads = leads;
    }

    @POST
    public RestResponse<LeadCredentials> create(SafeguardingLeadService.CreateLead request) {
        SafeguardingLeadService.Created c = leads.create(request);
        return RestResponse.ResponseBuilder.<LeadCredentials>created(URI.create("/api/safeguarding-leads/" + c.lead().id))
                .entity(new LeadCredentials(c.lead().id, c.lead().name, c.username(), c.password())).build();
    }

    @GET
    public List<SafeguardingLeadService.LeadView> list() {
        return leads.list();
    }
}
