package org.gcmreview.reference;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/**
 * The GCM reference data (objectives, guiding principles, member states, regional commissions, stakeholder
 * types) for any feature to inject. It only changes with a Flyway migration, i.e. never while the
 * application runs, so it is read once, on first use, and then served from memory as immutable values.
 */
@Service
public class ReferenceData {

    private final ReferenceDataRepository repository;
    private volatile Snapshot snapshot;

    ReferenceData(ReferenceDataRepository repository) {
        this.repository = repository;
    }

    /** The 23 objectives in number order, each with its actions and SDG targets. */
    public List<Objective> objectives() {
        return snapshot().objectives();
    }

    public Optional<Objective> objective(int number) {
        return Optional.ofNullable(snapshot().objectivesByNumber().get(number));
    }

    public List<GuidingPrinciple> guidingPrinciples() {
        return snapshot().guidingPrinciples();
    }

    /** The five regional commissions, by code. */
    public List<RegionalCommission> commissions() {
        return snapshot().commissions();
    }

    public Optional<RegionalCommission> commission(String code) {
        return snapshot().commissions().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** All member states, in English alphabetical order of their names. */
    public List<Country> countries() {
        return snapshot().countries();
    }

    /** The member states grouped with this commission, alphabetically; empty for an unknown code. */
    public List<Country> countriesIn(String commissionCode) {
        return snapshot().countriesByCommission().getOrDefault(commissionCode, List.of());
    }

    public Optional<Country> country(String iso3) {
        return Optional.ofNullable(iso3).map(code -> snapshot().countriesByIso3().get(code.toUpperCase(Locale.ROOT)));
    }

    /** Stakeholder types in display order. */
    public List<StakeholderType> stakeholderTypes() {
        return snapshot().stakeholderTypes();
    }

    public Optional<StakeholderType> stakeholderType(String code) {
        return snapshot().stakeholderTypes().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            synchronized (this) {
                current = snapshot;
                if (current == null) {
                    current = load();
                    snapshot = current;
                }
            }
        }
        return current;
    }

    private Snapshot load() {
        // Collator rather than the database's collation, so "Côte d'Ivoire" sorts among the Cs everywhere.
        Collator english = Collator.getInstance(Locale.ENGLISH);
        List<Country> countries = repository.countries().stream()
                .sorted(Comparator.comparing(Country::name, english)).toList();
        List<Objective> objectives = repository.objectives();
        return new Snapshot(
                objectives,
                objectives.stream().collect(Collectors.toUnmodifiableMap(Objective::number, Function.identity())),
                List.copyOf(repository.guidingPrinciples()),
                List.copyOf(repository.commissions()),
                countries,
                countries.stream().collect(Collectors.toUnmodifiableMap(Country::iso3, Function.identity())),
                countries.stream().collect(Collectors.groupingBy(Country::commissionCode,
                        Collectors.collectingAndThen(Collectors.toList(), List::copyOf))),
                List.copyOf(repository.stakeholderTypes()));
    }

    private record Snapshot(
            List<Objective> objectives,
            Map<Integer, Objective> objectivesByNumber,
            List<GuidingPrinciple> guidingPrinciples,
            List<RegionalCommission> commissions,
            List<Country> countries,
            Map<String, Country> countriesByIso3,
            Map<String, List<Country>> countriesByCommission,
            List<StakeholderType> stakeholderTypes) {

        Snapshot {
            objectives = List.copyOf(objectives);
            countriesByCommission = Map.copyOf(countriesByCommission);
        }
    }
}
