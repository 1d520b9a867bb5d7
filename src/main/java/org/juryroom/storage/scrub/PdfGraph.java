package org.juryroom.storage.scrub;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSObject;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Visits every dictionary (streams included) reachable from some roots, through direct and
 * indirect references, each once, with an explicit stack: there is no depth at which it stops
 * looking, and a file with more containers than {@link #MAX_CONTAINERS} is refused, not partly read.
 */
final class PdfGraph {

    /** Dictionaries and arrays in one file; an essay of a few hundred pages has tens of thousands. */
    static final int MAX_CONTAINERS = 500_000;

    private PdfGraph() {
    }

    static void walk(Collection<? extends COSBase> roots, Consumer<COSDictionary> visit) {
        Map<COSBase, Boolean> seen = new IdentityHashMap<>();
        Deque<COSBase> stack = new ArrayDeque<>(roots);
        while (!stack.isEmpty()) {
            COSBase value = stack.pop();
            if (value instanceof COSObject o) {
                value = o.getObject();
            }
            if (!(value instanceof COSDictionary) && !(value instanceof COSArray) || seen.put(value, Boolean.TRUE) != null) {
                continue;
            }
            if (seen.size() > MAX_CONTAINERS) {
                throw new Rejected("pdf-too-complex", "the PDF has more than " + MAX_CONTAINERS
                        + " objects; save or print it again as a simpler PDF");
            }
            if (value instanceof COSDictionary d) {
                visit.accept(d);
                // Values again, not before the visit: it may remove some.
                d.getValues().forEach(stack::push);
            } else {
                ((COSArray) value).forEach(stack::push);
            }
        }
    }
}
