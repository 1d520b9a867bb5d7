package org.juryroom.consent;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The consent notice guardians read: public, like the paper form it stands for. */
@Path("/api/consent-notice")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@org.juryroom.publishing.PublicAnswer
public class ConsentNoticeResource {

    private final ConsentNotices notices;

    public ConsentNoticeResource(ConsentNotices notices) {
        this.notices = notices;
    }

    /** The current notice, or {@code ?version=N}: the one a record was given on. */
    @GET
    public ConsentNotices.NoticeView get(@QueryParam("version") Integer version) {
        return notices.view(version);
    }
}
