package io.approvals.console.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The finished bytes (and ETag) of recently served pages of pending approvals, so that many clients
 * polling the same queue cost a map lookup instead of a query plus serialisation each (that was ~80%
 * of a request's time). Correctness rests on a generation number that every committed change to the
 * approvals raises before its answer is sent: an entry is served only while the generation it was
 * read under is still current. A page read under generation g and stored after a change is merely
 * never served. Bounded by total bytes; when full it starts over (pages are cheap to rebuild).
 */
final class PageCache {
    /** Cached bytes at most; an answer larger than a quarter of that is never cached. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    record Key(String approver, long after, int limit) {}

    record Page(long generation, byte[] body, String etag) {}

    private final Map<Key, Page> pages = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong generation = new AtomicLong();

    /** The current generation; read it before querying, store the result under it. */
    long generation() {
        return generation.get();
    }

    /** Called after every committed change to the approvals, before its answer is sent. */
    void changed() {
        generation.incrementAndGet();
    }

    /** The page for this key if it was read under the current generation. */
    Page get(Key key) {
        Page page = pages.get(key);
        return page != null && page.generation() == generation.get() ? page : null;
    }

    void put(Key key, Page page) {
        long size = page.body().length;
        if (size > MAX_BYTES / 4 || page.generation() != generation.get()) {
            return;
        }
        if (bytes.addAndGet(size) > MAX_BYTES) {
            pages.clear();
            bytes.set(size);
        }
        pages.put(key, page);
    }
}
