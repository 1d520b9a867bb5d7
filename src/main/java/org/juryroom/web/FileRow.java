package org.juryroom.web;

import org.juryroom.entry.EntryViews.FileView;
import org.juryroom.storage.EntryFile;
import org.juryroom.storage.ReviewNote;

/**
 * A file as the pages list and show it. {@code kind} (image, pdf or video) picks the viewer;
 * {@code held}: storage asked for an organiser's privacy check before any juror sees it, {@code noteKind} says
 * why when intake wrote the note (tags/reviewNote.html shows it in the reader's language), else {@code note} does.
 */
public record FileRow(long id, String name, String contentType, long size, String kind, boolean thumbnail,
                      boolean held, String note, String noteKind) {

    public static FileRow of(FileView f) {
        return new FileRow(f.id(), f.name(), f.contentType(), f.size() == null ? 0 : f.size(), kind(f.contentType()),
                f.thumbnail(), f.review() == EntryFile.Review.REQUIRED, f.reviewNote(), noteKind(f.reviewNote()));
    }

    private static String noteKind(String note) {
        ReviewNote kind = ReviewNote.of(note);
        return kind == null ? null : kind.name();
    }

    /**
     * The type as people name it ("JPEG", "PDF"), not the media type ("image/jpeg"): what the pages show, in the
     * reader's language.
     */
    public String type() {
        return org.juryroom.storage.FileTypes.name(contentType, org.juryroom.i18n.Languages.ofCurrentRequest());
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
