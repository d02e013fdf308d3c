package org.gcmreview.consultation;

import java.util.List;

/**
 * One page of a long list, so that pages stay light (under 150 KB) however many inputs a consultation gets.
 *
 * @param number 1-based; a number beyond the last page shows the last page
 */
record PageOf<T>(List<T> items, int number, int pages, int total) {

    static <T> PageOf<T> of(List<T> all, Integer requested, int size) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int number = requested == null ? 1 : Math.min(Math.max(1, requested), pages);
        int from = (number - 1) * size;
        return new PageOf<>(all.subList(from, Math.min(all.size(), from + size)), number, pages, all.size());
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages;
    }
}
