package org.gcmreview.submission.handover;

import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.submission.ImrfWaitingList;
import org.gcmreview.submission.ReviewRound;
import org.gcmreview.submission.ReviewRounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands the reports that waited for an IMRF edition (ImrfWaitingList) to an edition added to the calendar, once
 * the edition is committed. Each report in a transaction of its own: one that fails stays on the list and the
 * others still go.
 */
@Service
public class WaitingImrfReports {

    private static final Logger log = LoggerFactory.getLogger(WaitingImrfReports.class);

    private final ImrfWaitingList waiting;
    private final ReviewCycles cycles;
    private final ReviewRounds rounds;
    private final SendToImrf sendToImrf;
    private final TransactionTemplate eachOnItsOwn;

    WaitingImrfReports(ImrfWaitingList waiting, ReviewCycles cycles, ReviewRounds rounds, SendToImrf sendToImrf,
            PlatformTransactionManager transactions) {
        this.waiting = waiting;
        this.cycles = cycles;
        this.rounds = rounds;
        this.sendToImrf = sendToImrf;
        this.eachOnItsOwn = new TransactionTemplate(transactions);
        this.eachOnItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** An IMRF edition was added: after the caller's transaction commits, the waiting reports go to it. */
    public void editionAdded(long editionId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    handOverTo(editionId);
                }
            });
        } else {
            handOverTo(editionId);
        }
    }

    /** Returns how many waiting reports were handed over. */
    int handOverTo(long editionId) {
        int handed = 0;
        for (Long cycleId : eachOnItsOwn.execute(status -> waiting.takeAll())) {
            try {
                eachOnItsOwn.executeWithoutResult(status -> {
                    ReviewRound edition = rounds.findById(editionId).orElseThrow();
                    sendToImrf.handOver(cycles.findById(cycleId).orElseThrow(), edition);
                    cycles.assignImrfEdition(cycleId, editionId);
                });
                handed++;
            } catch (RuntimeException e) {
                log.warn("The report of cycle {} could not be handed to IMRF edition {}; it keeps waiting", cycleId,
                        editionId, e);
                eachOnItsOwn.executeWithoutResult(status -> waiting.add(cycleId));
            }
        }
        return handed;
    }
}
