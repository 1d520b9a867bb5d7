package org.juryroom.access;

import io.quarkus.arc.Unremovable;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * {@code Authorization: Bearer <token>} on the API ({@link ApiTokens}); HTTP Basic stays beside it
 * (application.properties names both for /api/*). A bad token fails like a wrong password: 401.
 */
@ApplicationScoped
@Unremovable
public class BearerSignIn implements HttpAuthenticationMechanism, IdentityProvider<TokenAuthenticationRequest> {

    private static final String SCHEME = "bearer";

    private final ApiTokens tokens;

    public BearerSignIn(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(
                new TokenCredential(header.substring(SCHEME.length() + 1).strip(), SCHEME));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identities.authenticate(request);
    }

    /** No challenge of its own: Basic's (401, WWW-Authenticate: Basic) stays the API's answer. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    /** After Basic, which leaves a Bearer header alone. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY - 100;
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String secret = request.getToken().getToken();
        // A remembered token is answered here on the IO thread: no hand-over to a worker thread and back.
        return tokens.remembered(secret).map(known -> Uni.createFrom().item(identity(known)))
                .orElseGet(() -> context.runBlocking(() -> tokens.verify(secret).map(BearerSignIn::identity)
                        .orElseThrow(AuthenticationFailedException::new)));
    }

    private static SecurityIdentity identity(ApiTokens.Signed signed) {
        return QuarkusSecurityIdentity.builder(PasswordSignIn.identityOf(signed.user()))
                .addAttribute(ApiTokens.TOKEN_ID, signed.tokenId()).build();
    }
}
