package org.juryroom.common;

import org.jboss.resteasy.reactive.common.util.URLUtils;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

import java.io.IOException;

/**
 * Bodies the framework's parsers cannot read, before any resource runs: a multipart body with a part
 * without headers or without its closing boundary, a form whose percent-encoding does not decode, a form
 * with more fields than the parsers read. The
 * parsers fail with their own exceptions, which would otherwise be 500s; these are the client's to mend,
 * 400 saying how, for the API ({@link ProblemMappers}) and the pages ({@code web/WebErrors}) alike.
 */
public final class UnreadableBodies {

    private static final String MULTIPART = MultipartParser.class.getPackageName() + ".";
    private static final String URL_DECODER = URLUtils.class.getName();
    private static final String FORM_DATA = FormData.class.getName();

    private UnreadableBodies() {
    }

    /** The 400 for a body its parser could not read, or null when {@code e} is something else. */
    public static ProblemException of(Throwable e) {
        // Thrown by the parsers themselves, not by what they call: a full disk under the multipart parser's file
        // writes is an IOException too, and ours; a part over the size limit is the body limit's 413, not this.
        StackTraceElement[] at = e.getStackTrace();
        String thrower = at.length > 0 ? at[0].getClassName() : "";
        if (e instanceof MultipartParser.MalformedMessageException
                || e instanceof IOException && thrower.startsWith(MULTIPART)
                && !(e instanceof MultiPartParserDefinition.FileTooLargeException)) {
            return ProblemException.badRequest("The multipart body cannot be read: each part needs its headers (a "
                    + "Content-Disposition with its name) and the parts are separated by the boundary the Content-Type names");
        }
        if (e.getClass() == RuntimeException.class && thrower.equals(FORM_DATA)) {
            // The parsers' own limit on a body's fields (a plain RuntimeException: "Param limit of 1000 was exceeded").
            return ProblemException.badRequest("The form has too many fields to be read: send only the form's own fields");
        }
        if (e instanceof IllegalArgumentException && thrower.equals(URL_DECODER)) {
            return ProblemException.badRequest("The form body cannot be read: a % must be followed by two hexadecimal digits");
        }
        return null;
    }
}
