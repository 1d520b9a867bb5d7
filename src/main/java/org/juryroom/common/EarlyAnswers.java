package org.juryroom.common;

import io.vertx.ext.web.RoutingContext;

/**
 * Answers a refusal from the HTTP layer, before any resource runs, as every other refusal is answered: in the
 * reader's language, a page for a person at a page's address, else the problem document (web/EarlyRefusals).
 */
public interface EarlyAnswers {

    /** Answers {@code problem} (in English; said in the reader's language) and ends the response. */
    void answer(RoutingContext ctx, Problem problem);
}
