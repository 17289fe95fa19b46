package org.driverhost.tls.internal.openssl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The ordered list of suites that a cipher string edits, as OpenSSL 3.0 keeps it in {@code ssl_create_cipher_list}:
 * every suite has a place in the list, and a flag marks whether it is selected. A deleted suite keeps a place
 * at the front so that adding it again later restores its relative order; a killed suite leaves the list.
 */
final class CipherOrder {

    private static final class Entry {
        private final OpenSslSuite suite;
        private boolean active;

        private Entry(OpenSslSuite suite) {
            this.suite = suite;
        }
    }

    private List<Entry> entries = new ArrayList<>();

    /** Creates a list of these suites, in this order, none of them selected. */
    CipherOrder(List<OpenSslSuite> suites) {
        for (OpenSslSuite suite : suites) {
            entries.add(new Entry(suite));
        }
    }

    /** Selects the matching suites that are not selected yet and moves them to the end, in list order. */
    void add(Predicate<OpenSslSuite> selector) {
        moveToBack(entry -> !entry.active && selector.test(entry.suite), true);
    }

    /** Moves the matching selected suites to the end, in list order (the {@code +} prefix). */
    void moveToEnd(Predicate<OpenSslSuite> selector) {
        moveToBack(entry -> entry.active && selector.test(entry.suite), true);
    }

    /**
     * Unselects the matching suites and moves them to the front (the {@code -} prefix), where a later
     * {@link #add} finds them first.
     */
    void delete(Predicate<OpenSslSuite> selector) {
        moveToFront(entry -> entry.active && selector.test(entry.suite), false);
    }

    /** Moves the matching selected suites to the front, in list order; OpenSSL uses this only for its default order. */
    void bump(Predicate<OpenSslSuite> selector) {
        moveToFront(entry -> entry.active && selector.test(entry.suite), true);
    }

    /** Removes the matching suites for good (the {@code !} prefix): no later rule can select them again. */
    void kill(Predicate<OpenSslSuite> selector) {
        entries.removeIf(entry -> selector.test(entry.suite));
    }

    /**
     * Sorts the selected suites by strength bits, strongest first, keeping the order of suites with equal bits
     * ({@code @STRENGTH}). Unselected suites stay in front of them.
     */
    void sortByStrength() {
        int maxBits = -1;
        for (Entry entry : entries) {
            if (entry.active) {
                maxBits = Math.max(maxBits, entry.suite.strengthBits());
            }
        }
        for (int bits = maxBits; bits >= 0; bits--) {
            int strengthBits = bits;
            moveToEnd(suite -> suite.strengthBits() == strengthBits);
        }
    }

    /** Returns the selected suites, in order. */
    List<OpenSslSuite> selected() {
        List<OpenSslSuite> selected = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.active) {
                selected.add(entry.suite);
            }
        }
        return selected;
    }

    /** Returns every suite still in the list, selected or not, in order. */
    List<OpenSslSuite> all() {
        List<OpenSslSuite> all = new ArrayList<>();
        for (Entry entry : entries) {
            all.add(entry.suite);
        }
        return all;
    }

    private void moveToBack(Predicate<Entry> moves, boolean activeAfterwards) {
        List<Entry> staying = new ArrayList<>();
        List<Entry> moving = new ArrayList<>();
        split(moves, staying, moving, activeAfterwards);
        staying.addAll(moving);
        entries = staying;
    }

    private void moveToFront(Predicate<Entry> moves, boolean activeAfterwards) {
        List<Entry> staying = new ArrayList<>();
        List<Entry> moving = new ArrayList<>();
        split(moves, staying, moving, activeAfterwards);
        moving.addAll(staying);
        entries = moving;
    }

    private void split(Predicate<Entry> moves, List<Entry> staying, List<Entry> moving, boolean activeAfterwards) {
        for (Entry entry : entries) {
            if (moves.test(entry)) {
                entry.active = activeAfterwards;
                moving.add(entry);
            } else {
                staying.add(entry);
            }
        }
    }
}
