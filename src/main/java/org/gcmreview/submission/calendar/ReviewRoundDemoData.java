package org.gcmreview.submission.calendar;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo review rounds: one regional round per commission and the IMRF edition. Runs at every start with the
 * demo profile and only adds what is missing, so restarts and other seeders (in any order) are harmless.
 * The rounds' processes start with the first report submitted to them.
 */
@Component
@Profile("demo")
@Order(100)
class ReviewRoundDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReviewRoundDemoData.class);

    record Commission(String code, String name) {
    }

    record Round(String kind, String commissionCode, String code, String name, LocalDate deadline) {
    }

    static final List<Commission> COMMISSIONS = List.of(
            new Commission("ECA", "Economic Commission for Africa"),
            new Commission("ECE", "Economic Commission for Europe"),
            new Commission("ECLAC", "Economic Commission for Latin America and the Caribbean"),
            new Commission("ESCAP", "Economic and Social Commission for Asia and the Pacific"),
            new Commission("ESCWA", "Economic and Social Commission for Western Asia"));

    static final List<Round> ROUNDS = List.of(
            new Round("REGIONAL", "ECA", "ECA-2026", "ECA regional review of the GCM 2026", LocalDate.of(2027, 2, 26)),
            new Round("REGIONAL", "ECE", "ECE-2026", "ECE regional review of the GCM 2026", LocalDate.of(2027, 1, 29)),
            new Round("REGIONAL", "ECLAC", "ECLAC-2026", "ECLAC regional review of the GCM 2026",
                    LocalDate.of(2027, 3, 31)),
            new Round("REGIONAL", "ESCAP", "ESCAP-2026", "ESCAP regional review of the GCM 2026",
                    LocalDate.of(2026, 12, 18)),
            new Round("REGIONAL", "ESCWA", "ESCWA-2026", "ESCWA regional review of the GCM 2026",
                    LocalDate.of(2027, 2, 12)),
            new Round("IMRF", null, "IMRF-2026", "International Migration Review Forum 2026",
                    LocalDate.of(2027, 4, 30)));

    private final JdbcClient jdbc;

    ReviewRoundDemoData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (Commission commission : COMMISSIONS) {
            jdbc.sql("insert into regional_commission (code, name) values (?, ?) on conflict do nothing")
                    .params(commission.code(), commission.name()).update();
        }
        int added = 0;
        for (Round round : ROUNDS) {
            added += jdbc.sql("""
                    insert into review_round (kind, commission_code, code, name, submission_deadline)
                    values (?, ?, ?, ?, ?) on conflict (code) do nothing""")
                    .params(round.kind(), round.commissionCode(), round.code(), round.name(), round.deadline())
                    .update();
        }
        if (added > 0) {
            log.info("Demo data: {} review rounds added", added);
        }
    }
}
