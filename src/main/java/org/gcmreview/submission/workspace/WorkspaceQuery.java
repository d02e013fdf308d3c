package org.gcmreview.submission.workspace;

import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The filters and sort order of a workspace list, read from query parameters so they work without JavaScript
 * and can be bookmarked. Unknown values fall back to the defaults rather than failing.
 *
 * @param stage only countries at this stage; empty for all
 * @param region only countries of this commission (IMRF workspace); empty for all
 * @param sort country, status, activity or days
 * @param descending reverse the natural order of the sort key (rows without a value stay last)
 */
public record WorkspaceQuery(Optional<CountryStage> stage, Optional<String> region, String sort, boolean descending) {

    public static final List<String> SORTS = List.of("country", "status", "activity", "days");

    public static WorkspaceQuery of(String status, String region, String sort, String dir) {
        Optional<CountryStage> stage = Arrays.stream(CountryStage.values()).filter(s -> s.name().equals(status))
                .findFirst();
        return new WorkspaceQuery(stage,
                Optional.ofNullable(region).filter(r -> !r.isBlank()).map(r -> r.strip().toUpperCase(Locale.ROOT)),
                sort != null && SORTS.contains(sort) ? sort : "country", "desc".equals(dir));
    }

    public List<CountryRow> apply(List<CountryRow> rows) {
        List<CountryRow> selected = new ArrayList<>(rows.stream()
                .filter(r -> stage.isEmpty() || r.stage() == stage.get())
                .filter(r -> region.isEmpty() || region.get().equals(r.commissionCode()))
                .toList());
        selected.sort(comparator());
        return selected;
    }

    /** The value of the dir parameter a column header link sets: a second click on the sorted column reverses it. */
    public String nextDir(String column) {
        return column.equals(sort) && !descending ? "desc" : "asc";
    }

    public String stageName() {
        return stage.map(Enum::name).orElse("");
    }

    public String regionCode() {
        return region.orElse("");
    }

    private Comparator<CountryRow> comparator() {
        Collator names = Collator.getInstance(Locale.ENGLISH);
        Comparator<CountryRow> byName = Comparator.comparing(CountryRow::countryName, names);
        Comparator<CountryRow> primary = switch (sort) {
            case "status" -> directed(Comparator.comparing(CountryRow::stage));
            // most recent first is the natural order for activity; countries without any activity come last
            case "activity" -> Comparator.comparing(CountryRow::lastActivityAt,
                    Comparator.nullsLast(directed(Comparator.<Instant>reverseOrder())));
            case "days" -> Comparator.comparing(CountryRow::daysLeft,
                    Comparator.nullsLast(directed(Comparator.<Long>naturalOrder())));
            default -> directed(byName);
        };
        return primary.thenComparing(byName);
    }

    private <T> Comparator<T> directed(Comparator<T> natural) {
        return descending ? natural.reversed() : natural;
    }
}
