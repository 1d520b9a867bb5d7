package org.juryroom.web;

import org.juryroom.entry.EntryViews.FileView;
import org.juryroom.storage.EntryFile;

/**
 * A file as the pages list and show it. {@code kind} (image, pdf or video) picks the viewer;
 * {@code held}: storage asked for an organiser's privacy check before any juror sees it.
 */
public record FileRow(long id, String name, String contentType, long size, String kind, boolean thumbnail,
                      boolean held, String note) {

    public static FileRow of(FileView f) {
        return new FileRow(f.id(), f.name(), f.contentType(), f.size() == null ? 0 : f.size(), kind(f.contentType()),
                f.thumbnail(), f.review() == EntryFile.Review.REQUIRED, f.reviewNote());
    }

    /** image, pdf or video: how a page shows a file of this type. */
    public static String kind(String contentType) {
        if (contentType.startsWith("image/")) {
            return "image";
        }
        if (contentType.startsWith("video/")) {
            return "video";
        }
        return "pdf";
    }
}
