package org.juryroom.ranking.math;

/** Number of bootstrap rounds and the seed that makes the result reproducible. */
public record BootstrapParams(int rounds, long seed) {

    public static final int DEFAULT_ROUNDS = 1000;
    public static final long DEFAULT_SEED = 1L;
    public static final BootstrapParams DEFAULT = new BootstrapParams(DEFAULT_ROUNDS, DEFAULT_SEED);

    public BootstrapParams {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1");
        }
    }

    public static BootstrapParams withSeed(long seed) {
        return new BootstrapParams(DEFAULT_ROUNDS, seed);
    }
}
