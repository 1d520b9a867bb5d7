package org.juryroom.ranking.math;

import java.util.Objects;

/**
 * Settings for {@link Ranking#rank}.
 *
 * @param method        normalisation (default Z_SCORE)
 * @param shortlistSize N, the number of entries shortlisted (0 = no shortlist, no bootstrap)
 * @param nearCutMargin places below the cut that still count as "near the cut" (default 5)
 * @param disagreement  flagging rule (default spread > 30)
 * @param bootstrap     bootstrap settings, or {@code null} to skip the bootstrap (pTopN stays null)
 */
public record RankingParams(NormalisationMethod method, int shortlistSize, int nearCutMargin,
                            DisagreementRule disagreement, BootstrapParams bootstrap) {

    public static final int DEFAULT_NEAR_CUT_MARGIN = 5;

    public RankingParams {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(disagreement, "disagreement");
        if (shortlistSize < 0 || nearCutMargin < 0) {
            throw new IllegalArgumentException("shortlistSize and nearCutMargin must be >= 0");
        }
    }

    /** Z_SCORE, margin 5, spread > 30 flagged, bootstrap 1000 rounds with the default seed. */
    public static RankingParams defaults(int shortlistSize) {
        return new RankingParams(NormalisationMethod.DEFAULT, shortlistSize, DEFAULT_NEAR_CUT_MARGIN,
                DisagreementRule.DEFAULT, BootstrapParams.DEFAULT);
    }

    public RankingParams withMethod(NormalisationMethod m) {
        return new RankingParams(m, shortlistSize, nearCutMargin, disagreement, bootstrap);
    }

    public RankingParams withNearCutMargin(int margin) {
        return new RankingParams(method, shortlistSize, margin, disagreement, bootstrap);
    }

    public RankingParams withDisagreement(DisagreementRule rule) {
        return new RankingParams(method, shortlistSize, nearCutMargin, rule, bootstrap);
    }

    public RankingParams withBootstrap(BootstrapParams b) {
        return new RankingParams(method, shortlistSize, nearCutMargin, disagreement, b);
    }

    public RankingParams withoutBootstrap() {
        return withBootstrap(null);
    }
}
