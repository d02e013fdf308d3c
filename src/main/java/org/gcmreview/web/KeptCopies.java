package org.gcmreview.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Rendered public documents (a published report's page, PDF and JSON, the reference pages, what we heard), kept
 * as bytes under a key that names every bit of what they show: the page's entity tag (what the page's data is, the
 * reader's language, the build; see {@link PublicPages}) or the frozen content's SHA-256. A key never comes back
 * with other content, so nothing is ever invalidated: a new endorsed version, a changed answer or a new build gives
 * a new key, and the old copy ages out.
 * <p>Bounded: the copies used least recently go first once their bytes pass {@code gcm.public-pages.copies-size}
 * (one node's memory; each node of a cluster keeps its own). Rendered once: concurrent first readers of a key wait
 * for the one render that is under way instead of starting their own (64 readers, one PDF render).
 */
@Component
public class KeptCopies {

    private final long maxBytes;
    private final Map<String, byte[]> copies = new LinkedHashMap<>(64, 0.75f, true);
    private final ConcurrentHashMap<String, CompletableFuture<byte[]>> rendering = new ConcurrentHashMap<>();
    private long bytes;
    private long renders;

    public KeptCopies(@Value("${gcm.public-pages.copies-size:32MB}") DataSize maxSize) {
        this.maxBytes = maxSize.toBytes();
    }

    /** The copy kept under the key, else the render's bytes, kept (if they fit) for the next reader. */
    public byte[] get(String key, Supplier<byte[]> render) {
        byte[] kept = kept(key);
        if (kept != null) {
            return kept;
        }
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> underWay = rendering.putIfAbsent(key, mine);
        if (underWay != null) {
            return await(underWay);
        }
        try {
            // a render that finished between the look above and the claim has left its copy
            byte[] bytes = kept(key);
            if (bytes == null) {
                bytes = render.get();
                keep(key, bytes);
            }
            mine.complete(bytes);
            return bytes;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            rendering.remove(key, mine);
        }
    }

    /**
     * How many copies this node has made, each a render (or the compression of a kept page): for tests and the
     * benchmark, a kept copy costs none.
     */
    public synchronized long renders() {
        return renders;
    }

    private synchronized byte[] kept(String key) {
        return copies.get(key);
    }

    private synchronized void keep(String key, byte[] copy) {
        renders++;
        if (copy.length > maxBytes) {
            return;
        }
        byte[] before = copies.put(key, copy);
        bytes += copy.length - (before == null ? 0 : before.length);
        var eldest = copies.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().length;
            eldest.remove();
        }
    }

    private static byte[] await(CompletableFuture<byte[]> underWay) {
        try {
            return underWay.join();
        } catch (CompletionException e) {
            // the first reader's render failed: each waiting reader gets the same failure (an error page)
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
