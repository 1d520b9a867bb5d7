package org.juryroom.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.juryroom.common.ProblemException;
import org.juryroom.ops.JuryRoomConfig;
import org.juryroom.storage.ObjectStore;
import org.juryroom.storage.scrub.PdfRender;
import org.juryroom.storage.scrub.Rejected;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders the first page of a stored PDF as a PNG, so a juror sees an essay without a PDF
 * plug-in (the file itself is sent as an attachment with a sandbox policy). Only pixels leave:
 * no text layer, no metadata. The PDF is streamed to a temp file that PDFBox reads at random
 * (never the whole object in memory), and recent previews are kept: clean copies live under
 * keys that are never rewritten, so a preview never goes stale.
 */
@ApplicationScoped
public class PdfPreviews {

    /** Wide enough to read on a projector, small enough for a phone (A4 at this width ≈ 1 MB decoded). */
    static final float TARGET_WIDTH_PX = 1100f;
    /** A jury's working set of essays; a preview is typically 100–400 KB. */
    static final long CACHE_BYTES = 32L << 20;
    /**
     * The most pixels one preview bitmap may have, whatever the page's shape (a long thin page
     * would otherwise get a bitmap of any height): A4 at the target width is 1.7 million.
     */
    static final long MAX_PREVIEW_PIXELS = 4_000_000;

    private final ObjectStore store;
    private final Path workDir;
    private final long maxImagePixels;
    private final Map<String, byte[]> recent = new LinkedHashMap<>(16, 0.75f, true);
    private long cachedBytes;

    public PdfPreviews(ObjectStore store, JuryRoomConfig config) {
        this.store = store;
        this.workDir = Path.of(config.storage().workDir());
        this.maxImagePixels = config.storage().maxImagePixels();
    }

    public byte[] firstPage(String objectKey) {
        byte[] cached = cached(objectKey);
        if (cached != null) {
            return cached;
        }
        byte[] png = render(objectKey);
        remember(objectKey, png);
        return png;
    }

    private byte[] render(String objectKey) {
        Path pdfFile = null;
        try {
            Files.createDirectories(workDir);
            pdfFile = Files.createTempFile(workDir, "preview-", ".pdf");
            try (InputStream in = store.get(objectKey)) {
                Files.copy(in, pdfFile, StandardCopyOption.REPLACE_EXISTING);
            }
            try (PDDocument pdf = Loader.loadPDF(pdfFile.toFile(), "", null, null,
                    MemoryUsageSetting.setupMixed(16L << 20).streamCache)) {
                if (pdf.getNumberOfPages() == 0) {
                    throw ProblemException.notFound("A first page");
                }
                float widthPt = pdf.getPage(0).getCropBox().getWidth();
                float scale = widthPt > 0 ? Math.min(TARGET_WIDTH_PX / widthPt, 3f) : 1.5f;
                BufferedImage image = PdfRender.page(pdf, 0, scale, MAX_PREVIEW_PIXELS, maxImagePixels);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                return png.toByteArray();
            }
        } catch (IOException | Rejected e) {
            // Clean copies stored before intake rebuilt PDFs may hold what intake now refuses.
            throw new ProblemException(422, "Unprocessable entity", "The PDF could not be shown; download it instead");
        } finally {
            if (pdfFile != null) {
                try {
                    Files.deleteIfExists(pdfFile);
                } catch (IOException ignored) {
                    // the work directory is temporary; a leftover is harmless
                }
            }
        }
    }

    /** Drops the previews of {@code keys} (their objects were erased): no rendered page outlives its file. */
    public synchronized void forget(java.util.Collection<String> keys) {
        for (String key : keys) {
            byte[] png = recent.remove(key);
            if (png != null) {
                cachedBytes -= png.length;
            }
        }
    }

    /** Whether a preview of {@code key} is cached (tests prove erasure drops it). */
    public synchronized boolean holds(String key) {
        return recent.containsKey(key);
    }

    private synchronized byte[] cached(String key) {
        return recent.get(key);
    }

    private synchronized void remember(String key, byte[] png) {
        if (png.length > CACHE_BYTES / 4 || recent.containsKey(key)) {
            return;
        }
        recent.put(key, png);
        cachedBytes += png.length;
        for (Iterator<byte[]> oldest = recent.values().iterator(); cachedBytes > CACHE_BYTES && oldest.hasNext(); ) {
            cachedBytes -= oldest.next().length;
            oldest.remove();
        }
    }
}
