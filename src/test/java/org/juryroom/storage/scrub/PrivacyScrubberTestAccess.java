package org.juryroom.storage.scrub;

/** Lets tests in other packages build the same crafted images as {@link PrivacyScrubberTest}. */
public final class PrivacyScrubberTestAccess {

    private PrivacyScrubberTestAccess() {
    }

    public static byte[] pngHeaderOnly(int width, int height) throws Exception {
        return PrivacyScrubberTest.pngHeaderOnly(width, height);
    }
}
