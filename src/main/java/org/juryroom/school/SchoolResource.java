package org.juryroom.school;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.juryroom.access.Roles;
import org.juryroom.common.Page;

import java.net.URI;

@Path("/api/schools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SchoolResource {

    public record SchoolView(Long id, String name, String district, String contactName, String contactEmail,
                             SchoolService.SafeguardingContact safeguardingContact) {
        static SchoolView of(School s) {
            return new SchoolView(s.id, s.name, s.district, s.contactName, s.contactEmail,
                    SchoolService.SafeguardingContact.of(s));
        }
    }

    /**
     * The only response that ever carries the generated password; with an invitation there is none
     * ({@code invited} is true and the contact chooses the password from the mailed link).
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record SchoolCredentials(Long id, String name, String username, String password, boolean invited) {
    }

    private final SchoolService schools;
    private final org.juryroom.access.CurrentUser me;
    private final org.juryroom.access.AccountLinks links;
    private final org.juryroom.access.AccountActivation activation;
    private final SchoolImport imports;

    public SchoolResource(SchoolService schools, org.juryroom.access.CurrentUser me,
                          org.juryroom.access.AccountLinks links, org.juryroom.access.AccountActivation activation,
                          SchoolImport imports) {
        this.imports = imports;
        this.activation = activation;
        this.schools = schools;
        this.me = me;
        this.links = links;
    }

    @POST
    @RolesAllowed(Roles.ORGANISER)
    public RestResponse<SchoolCredentials> create(SchoolService.CreateSchool request) {
        SchoolService.Created created = schools.create(request);
        return RestResponse.ResponseBuilder.<SchoolCredentials>created(URI.create("/api/schools/" + created.school().id))
                .entity(new SchoolCredentials(created.school().id, created.school().name, created.username(),
                        created.password(), created.password() == null))
                .build();
    }

    /** Sends the school's contact a new invitation link; earlier ones stop working. */
    @POST
    @Path("/{sid}/invitation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ORGANISER)
    public RestResponse<org.juryroom.mail.Outbox.View> invite(@PathParam("sid") long sid) {
        return org.juryroom.mail.Outbox.View.created(links.resend(links.accountOfSchool(sid), org.juryroom.access.AccountLinks.Purpose.INVITE));
    }

    /** Sends the school's contact a password reset link (1 hour). */
    @POST
    @Path("/{sid}/password-reset")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ORGANISER)
    public RestResponse<org.juryroom.mail.Outbox.View> reset(@PathParam("sid") long sid) {
        return org.juryroom.mail.Outbox.View.created(links.resend(links.accountOfSchool(sid), org.juryroom.access.AccountLinks.Purpose.RESET));
    }

    /** Schools from a CSV; {@code dryRun=true} only reports (see {@link SchoolImport}). */
    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.ORGANISER)
    public org.juryroom.common.CsvImport.Result importCsv(@QueryParam("dryRun") String dryRun, String csv) {
        return imports.run(csv, org.juryroom.common.CsvImport.dryRun(dryRun));
    }

    /** The school's account can no longer sign in and its sessions end; its entries and history stay. */
    @POST
    @Path("/{sid}/deactivate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ORGANISER)
    public org.juryroom.access.AccountActivation.State deactivate(@PathParam("sid") long sid) {
        return activation.school(sid, false);
    }

    @POST
    @Path("/{sid}/reactivate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ORGANISER)
    public org.juryroom.access.AccountActivation.State reactivate(@PathParam("sid") long sid) {
        return activation.school(sid, true);
    }

    @GET
    @RolesAllowed(Roles.ORGANISER)
    public Page<SchoolView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return schools.list(Page.Request.of(page, size)).map(SchoolView::of);
    }

    /** The signed-in school's own safeguarding contact (its fields null until it is recorded). */
    @GET
    @Path("/me/safeguarding-contact")
    @RolesAllowed(Roles.SCHOOL)
    public SchoolService.SafeguardingContact ownSafeguardingContact() {
        SchoolService.SafeguardingContact contact = SchoolService.SafeguardingContact.of(schools.get(me.schoolId()));
        return contact == null ? new SchoolService.SafeguardingContact(null, null, null) : contact;
    }

    @PUT
    @Path("/me/safeguarding-contact")
    @RolesAllowed(Roles.SCHOOL)
    public SchoolService.SafeguardingContact updateOwnSafeguardingContact(SchoolService.SafeguardingContact contact) {
        return SchoolService.SafeguardingContact.of(schools.updateSafeguardingContact(me.schoolId(), contact));
    }

    @GET
    @Path("/{sid}")
    @RolesAllowed(Roles.ORGANISER)
    public SchoolView get(@PathParam("sid") long sid) {
        return SchoolView.of(schools.get(sid));
    }

    /** Corrects a school's name, district and contact (audited). */
    @PUT
    @Path("/{sid}")
    @RolesAllowed(Roles.ORGANISER)
    public SchoolView update(@PathParam("sid") long sid, SchoolService.UpdateSchool request) {
        return SchoolView.of(schools.update(sid, request));
    }
}
