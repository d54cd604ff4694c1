package io.newsflow.enrich.knowledge;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * The spellings of words seen so far, each classified once. News reuses a few tens of thousands of
 * spellings, so a word of a text is looked up by its characters where they stand, without cutting it
 * out of the text first, and classified (folded, tested against the data) only the first time.
 *
 * <p>A bounded table shared by all threads: an entry is immutable once published, a lookup takes
 * no lock, and when its few slots are taken a new spelling is simply classified again each time, so
 * the table never grows and the answer never depends on what was seen before.
 *
 * @param <V> what a spelling is classified as
 */
public final class Vocabulary<V> {

    /** Slots tried for one spelling before it is left out of the table. */
    private static final int PROBES = 8;

    private record Entry<V>(String spelling, int hash, V value) {
    }

    private final Function<String, V> classify;
    private final AtomicReferenceArray<Entry<V>> slots;
    private final int mask;

    /**
     * @param capacity  slots, rounded up to a power of two
     * @param classify  what a spelling is; must depend on the spelling alone
     */
    public Vocabulary(int capacity, Function<String, V> classify) {
        int size = Integer.highestOneBit(Math.max(16, capacity - 1)) << 1;
        this.slots = new AtomicReferenceArray<>(size);
        this.mask = size - 1;
        this.classify = classify;
    }

    /** The classified word {@code text[start, end)}. */
    public V of(CharSequence text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        int length = end - start;
        int slot = spread(hash);
        for (int probe = 0; probe < PROBES; probe++, slot = (slot + 1) & mask) {
            Entry<V> entry = slots.get(slot);
            if (entry == null) {
                return insert(slot, text.subSequence(start, end).toString(), hash);
            }
            if (entry.hash() == hash && entry.spelling().length() == length && sameCharacters(entry.spelling(), text, start)) {
                return entry.value();
            }
        }
        return classify.apply(text.subSequence(start, end).toString());
    }

    /** The classified word {@code spelling}. */
    public V of(String spelling) {
        return of(spelling, 0, spelling.length());
    }

    private V insert(int slot, String spelling, int hash) {
        V value = classify.apply(spelling);
        // a lost race only means one more classification later: entries are immutable
        slots.compareAndSet(slot, null, new Entry<>(spelling, hash, value));
        return value;
    }

    private int spread(int hash) {
        return (hash ^ (hash >>> 16)) & mask;
    }

    private static boolean sameCharacters(String spelling, CharSequence text, int start) {
        // a plain loop: words are a few characters, and String.regionMatches between a Vietnamese
        // (UTF-16) text and an ASCII (Latin-1) spelling takes its slow path for every call
        for (int i = 0; i < spelling.length(); i++) {
            if (spelling.charAt(i) != text.charAt(start + i)) {
                return false;
            }
        }
        return true;
    }
}
