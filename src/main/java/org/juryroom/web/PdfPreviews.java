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
 * Renders one page of a stored PDF as a PNG, so a juror pages through an essay without a PDF
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
    private final long decodeBudget;
    /** Rendered pages by object key and page index ({@code key#index}). */
    private final Map<String, Page> recent = new LinkedHashMap<>(16, 0.75f, true);
    private long cachedBytes;

    public PdfPreviews(ObjectStore store, JuryRoomConfig config) {
        this.store = store;
        this.workDir = Path.of(config.storage().workDir());
        this.maxImagePixels = config.storage().maxImagePixels();
        this.decodeBudget = config.storage().decodeBudget();
    }

    /** One rendered page and how many pages the PDF has. */
    public record Page(byte[] png, int count) {
    }

    /** Page {@code index} (from 0) of the PDF; 404 past its last page. */
    public Page page(String objectKey, int index) {
        String key = objectKey + "#" + index;
        Page cached = cached(key);
        if (cached != null) {
            return cached;
        }
        Page page = render(objectKey, index);
        remember(key, page);
        return page;
    }

    private Page render(String objectKey, int index) {
        Path pdfFile = null;
        try {
            Files.createDirectories(workDir);
            pdfFile = Files.createTempFile(workDir, "preview-", ".pdf");
            try (InputStream in = store.get(objectKey)) {
                Files.copy(in, pdfFile, StandardCopyOption.REPLACE_EXISTING);
            }
            try (PDDocument pdf = Loader.loadPDF(pdfFile.toFile(), "", null, null,
                    MemoryUsageSetting.setupMixed(16L << 20).streamCache)) {
                if (index < 0 || index >= pdf.getNumberOfPages()) {
                    throw ProblemException.notFound("Page " + (index + 1));
                }
                float widthPt = pdf.getPage(index).getCropBox().getWidth();
                float scale = widthPt > 0 ? Math.min(TARGET_WIDTH_PX / widthPt, 3f) : 1.5f;
                BufferedImage image = PdfRender.page(pdf, index, scale, MAX_PREVIEW_PIXELS, maxImagePixels, decodeBudget);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                return new Page(png.toByteArray(), pdf.getNumberOfPages());
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
            for (Iterator<Map.Entry<String, Page>> it = recent.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Page> e = it.next();
                if (e.getKey().startsWith(key + "#")) {
                    cachedBytes -= e.getValue().png().length;
                    it.remove();
                }
            }
        }
    }

    /** Whether a preview of {@code key} (any page) is cached (tests prove erasure drops it). */
    public synchronized boolean holds(String key) {
        return recent.keySet().stream().anyMatch(k -> k.startsWith(key + "#"));
    }

    private synchronized Page cached(String key) {
        return recent.get(key);
    }

    private synchronized void remember(String key, Page page) {
        if (page.png().length > CACHE_BYTES / 4 || recent.containsKey(key)) {
            return;
        }
        recent.put(key, page);
        cachedBytes += page.png().length;
        for (Iterator<Page> oldest = recent.values().iterator(); cachedBytes > CACHE_BYTES && oldest.hasNext(); ) {
            cachedBytes -= oldest.next().png().length;
            oldest.remove();
        }
    }
}
