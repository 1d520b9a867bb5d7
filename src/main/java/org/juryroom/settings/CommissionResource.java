package org.juryroom.settings;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.juryroom.access.Roles;

/**
 * The commission's name and logo on the public pages (docs/ui.md, "Settings"): organisers only. The logo is
 * the raw body of a PUT (a JPEG, PNG or WebP image, at most 1 MiB), named by {@code ?name=} (its extension
 * must match its content, as for an entry's file); only its clean copy is kept.
 */
@Path("/api/settings/commission")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ORGANISER)
public class CommissionResource {

    /** The name to set; blank clears it (the configured name shows again). */
    public record NameRequest(String name) {
    }

    private final CommissionSettings settings;

    public CommissionResource(CommissionSettings settings) {
        this.settings = settings;
    }

    @GET
    public CommissionSettings.Settings get() {
        return settings.settings();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public CommissionSettings.Settings name(NameRequest request) {
        return settings.setName(request == null ? null : request.name());
    }

    @PUT
    @Path("logo")
    @Consumes(MediaType.WILDCARD)
    public CommissionSettings.Settings logo(@QueryParam("name") String name, java.io.File body) {
        try {
            return settings.setLogo(body == null ? null : body.toPath(), name);
        } finally {
            if (body != null) {
                body.delete();
            }
        }
    }

    @DELETE
    @Path("logo")
    public CommissionSettings.Settings removeLogo() {
        return settings.removeLogo();
    }
}
