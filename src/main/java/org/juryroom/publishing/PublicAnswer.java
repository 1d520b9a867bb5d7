package org.juryroom.publishing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route whose anonymous answer is the same for every stranger and needs no credential: the published
 * shortlist and its files, a published final result, the consent notice. Sent to a caller who is not
 * signed in, it gets {@link PublicCaching#REVALIDATE} unless the route sets its own rule
 * ({@link PublicCaching#revalidate}). A route answered because a secret is in its URL (a consent or
 * invitation link) is not one, although it too is open without sign-in.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PublicAnswer {
}
