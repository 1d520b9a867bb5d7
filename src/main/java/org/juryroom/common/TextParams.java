package org.juryroom.common;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.ext.web.RoutingContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.util.Map;

/**
 * {@link TextRules} for everything that is not JSON, on every API endpoint and page: the path, the
 * query parameters, and the fields of a form (plain or multipart, with the names of uploaded
 * files). Checked once, before any resource reads them; a refusal is 422 naming the parameter.
 */
public class TextParams {

    @ServerRequestFilter
    @WithFormRead
    public void check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        refuse("path", QueryStringDecoder.decodeComponent(routing.request().path()));
        for (Map.Entry<String, String> q : routing.queryParams()) {
            refuse(q.getKey(), q.getKey());
            refuse(q.getKey(), q.getValue());
        }
        FormData form = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormData();
        if (form == null) {
            return;
        }
        for (String name : form) {
            refuse(name, name);
            for (FormValue v : form.get(name)) {
                refuse(name, v.getFileName());
                if (!v.isFileItem()) {
                    refuse(name, v.getValue());
                }
            }
        }
    }

    private static void refuse(String field, String value) {
        String refusal = TextRules.refusal(value);
        if (refusal != null) {
            String named = TextRules.refusal(field) == null ? field : "(parameter name)";
            throw ProblemException.unprocessable(named, refusal);
        }
    }
}
