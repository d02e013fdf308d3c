package org.gcmreview.submission.handover;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.processes.NationalReview;
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
 * A round or edition was added to the calendar: once it is committed, the national reviews whose coordinator chose
 * to wait for one (WaitForRegionalRound, WaitForImrfEdition, issue 14.3) check again now instead of at their daily
 * re-check. Reports put on the IMRF waiting list before that task existed (ImrfWaitingList) are handed to a new
 * edition, each in a transaction of its own: one that fails stays on the list and the others still go.
 */
@Service
public class WaitingImrfReports {

    private static final Logger log = LoggerFactory.getLogger(WaitingImrfReports.class);

    private final ImrfWaitingList waiting;
    private final ReviewCycles cycles;
    private final ReviewRounds rounds;
    private final SendToImrf sendToImrf;
    private final TransactionTemplate eachOnItsOwn;

    private final ManagementService managementService;

    WaitingImrfReports(ImrfWaitingList waiting, ReviewCycles cycles, ReviewRounds rounds, SendToImrf sendToImrf,
            PlatformTransactionManager transactions, ManagementService managementService) {
        this.managementService = managementService;
        this.waiting = waiting;
        this.cycles = cycles;
        this.rounds = rounds;
        this.sendToImrf = sendToImrf;
        this.eachOnItsOwn = new TransactionTemplate(transactions);
        this.eachOnItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** An IMRF edition was added: after the caller's transaction commits, the waiting reports go to it. */
    public void editionAdded(long editionId) {
        afterCommit(() -> {
            handOverTo(editionId);
            recheckNow(NationalReview.WAIT_FOR_IMRF_EDITION);
        });
    }

    /** A regional round was added: the reviews waiting for one check again now. */
    public void regionalRoundAdded() {
        afterCommit(() -> recheckNow(NationalReview.WAIT_FOR_REGIONAL_ROUND));
    }

    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }

    /** Brings the waiting timers forward; a review that still finds nothing lands in its choice task again. */
    int recheckNow(String waitActivityId) {
        Date now = ClockUtil.getCurrentTime();
        List<Job> timers = managementService.createJobQuery().timers().activityId(waitActivityId).list();
        timers.forEach(timer -> managementService.setJobDuedate(timer.getId(), now));
        return timers.size();
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
