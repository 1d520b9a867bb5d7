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

    /**
     * The only response that carries a new lead's generated password: only with {@code "invite": false}
     * (null when an existing account gained the role, or {@code invited}: a link was mailed).
     */
    public record LeadCredentials(long id, String name, String username, String password, boolean invited) {
    }

    private final SafeguardingLeadService leads;
    private final org.juryroom.access.AccountLinks links;

    public SafeguardingLeadResource(SafeguardingLeadService leads, org.juryroom.access.AccountLinks links) {
        this.leads = leads;
        this.links = links;
    }

    @POST
    public RestResponse<LeadCredentials> create(SafeguardingLeadService.CreateLead request) {
        SafeguardingLeadService.Created c = leads.create(request);
        return RestResponse.ResponseBuilder.<LeadCredentials>created(URI.create("/api/safeguarding-leads/" + c.lead().id))
                .entity(new LeadCredentials(c.lead().id, c.lead().name, c.username(), c.password(),
                        c.invited())).build();
    }

    /** Sends a lead with an account of their own a new invitation link; earlier ones stop working. */
    @POST
    @jakarta.ws.rs.Path("/{lid}/invitation")
    @Consumes(MediaType.WILDCARD)
    public RestResponse<org.juryroom.mail.Outbox.View> invite(@jakarta.ws.rs.PathParam("lid") long lid) {
        return org.juryroom.mail.Outbox.View.created(links.resend(links.accountOfLead(lid),
                org.juryroom.access.AccountLinks.Purpose.INVITE));
    }

    /** Sends a lead a password reset link (1 hour). */
    @POST
    @jakarta.ws.rs.Path("/{lid}/password-reset")
    @Consumes(MediaType.WILDCARD)
    public RestResponse<org.juryroom.mail.Outbox.View> reset(@jakarta.ws.rs.PathParam("lid") long lid) {
        return org.juryroom.mail.Outbox.View.created(links.resend(links.accountOfLead(lid),
                org.juryroom.access.AccountLinks.Purpose.RESET));
    }

    @GET
    @jakarta.ws.rs.Path("/{lid}")
    public SafeguardingLeadService.LeadView get(@jakarta.ws.rs.PathParam("lid") long lid) {
        return leads.get(lid);
    }

    /** Corrects a lead's name, e-mail and phone (audited); alerts waiting for the old address go to the new one. */
    @jakarta.ws.rs.PUT
    @jakarta.ws.rs.Path("/{lid}")
    public SafeguardingLeadService.LeadView update(@jakarta.ws.rs.PathParam("lid") long lid,
                                                   SafeguardingLeadService.UpdateLead request) {
        return leads.update(lid, request);
    }

    /** The lead can no longer sign in nor receives alerts; never the last active lead (409). */
    @POST
    @jakarta.ws.rs.Path("/{lid}/deactivate")
    @Consumes(MediaType.WILDCARD)
    public org.juryroom.access.AccountActivation.State deactivate(@jakarta.ws.rs.PathParam("lid") long lid) {
        return leads.deactivate(lid);
    }

    @POST
    @jakarta.ws.rs.Path("/{lid}/reactivate")
    @Consumes(MediaType.WILDCARD)
    public org.juryroom.access.AccountActivation.State reactivate(@jakarta.ws.rs.PathParam("lid") long lid) {
        return leads.reactivate(lid);
    }

    @GET
    public List<SafeguardingLeadService.LeadView> list() {
        return leads.list();
    }
}
