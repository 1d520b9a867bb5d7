package org.juryroom.web.publicpage;

import jakarta.enterprise.context.ApplicationScoped;
import net.coobird.thumbnailator.Thumbnails;
import org.juryroom.publishing.PublicShortlistService.PublicWork;
import org.juryroom.storage.ObjectStore;
import org.juryroom.web.PdfPreviews;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gallery pictures of published works: decoded and re-encoded as a small JPEG, so only pixels
 * leave (no EXIF, no GPS, no author field, whatever the upload carried). Kept in a small memory
 * cache by content hash: a published work never changes.
 */
@ApplicationScoped
public class PublicThumbnails {

    static final int SIZE = 480;
    private static final int CACHED = 200;

    private final ObjectStore store;
    private final PdfPreviews pdfs;
    private final Map<String, byte[]> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED;
        }
    });

    public PublicThumbnails(ObjectStore store, PdfPreviews pdfs) {
        this.store = store;
        this.pdfs = pdfs;
    }

    public byte[] of(PublicWork work) {
        byte[] cached = cache.get(work.sha256());
        if (cached != null) {
            return cached;
        }
        byte[] jpeg = render(work);
        cache.put(work.sha256(), jpeg);
        return jpeg;
    }

    private byte[] render(PublicWork work) {
        try (InputStream in = work.contentType().equals("application/pdf")
                ? new ByteArrayInputStream(pdfs.firstPage(work.objectKey())) : store.get(work.objectKey())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thumbnails.of(in).size(SIZE, SIZE).outputFormat("jpg").outputQuality(0.85).useExifOrientation(true)
                    .toOutputStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
