package org.juryroom.publishing;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Public responses (the gallery pages, its pictures, the public API) may be kept by caches but are
 * revalidated on every use: a guardian's withdrawal, a hold or an unpublication takes effect at once,
 * never after a max-age. The pages and pictures answer revalidation cheaply with their ETag (304).
 */
public class PublicCaching {

    public static final String REVALIDATE = "public, no-cache";

    /** The public API's JSON (files set their own, stricter "no-store"). */
    @ServerResponseFilter
    public void revalidate(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().startsWith("/api/public/")
                && !response.getHeaders().containsKey("Cache-Control")) {
            response.getHeaders().putSingle("Cache-Control", REVALIDATE);
        }
    }
}
