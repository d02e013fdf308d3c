package org.gcmreview.submission;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.gcmreview.processes.RegionalReview;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which rounds a secretariat works on: a regional secretariat its commission's rounds, the IMRF secretariat the
 * forum editions. Shared by the workspace pages and the API, so both apply the same rule.
 */
@Service
public class SecretariatRounds {

    private final ReviewRounds rounds;
    private final TaskService taskService;

    SecretariatRounds(ReviewRounds rounds, TaskService taskService) {
        this.rounds = rounds;
        this.taskService = taskService;
    }

    public static RoundKind kindOf(CurrentUser user) {
        if (user.is(Role.REGIONAL_SECRETARIAT)) {
            return RoundKind.REGIONAL;
        }
        if (user.is(Role.IMRF_SECRETARIAT)) {
            return RoundKind.IMRF;
        }
        throw new AccessDeniedException("This is for the regional and IMRF secretariats");
    }

    /** The user's rounds, most recent deadline first. */
    public List<ReviewRound> available(CurrentUser user) {
        return kindOf(user) == RoundKind.REGIONAL ? rounds.forCommission(user.commissionCode()) : rounds.imrfEditions();
    }

    /** The round the user's workspace opens on (see {@link ReviewRounds#current}), if the user has any. */
    public java.util.Optional<ReviewRound> current(CurrentUser user) {
        RoundKind kind = kindOf(user);
        return rounds.current(kind, kind == RoundKind.REGIONAL ? user.commissionCode() : null);
    }

    /**
     * The round named by its code, or the user's current round when none is named; 404 for an unknown code or
     * when the user has no round at all, 403 for a round of another secretariat.
     */
    public ReviewRound resolve(CurrentUser user, String code) {
        if (code == null || code.isBlank()) {
            return current(user).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no review round yet"));
        }
        ReviewRound round = rounds.findByCode(code.strip())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such review round"));
        SecretariatAccess.require(round, user);
        return round;
    }

    /** The open review (or IMRF registration) task of each submission of the round, by submission id. */
    public Map<Long, String> openTasks(ReviewRound round) {
        Map<Long, String> tasks = new HashMap<>();
        if (round.processInstanceId() == null) {
            return tasks;
        }
        String activity = round.kind() == RoundKind.REGIONAL ? "ReviewSubmission" : "RegisterImrfSubmission";
        for (Task task : taskService.createTaskQuery().processInstanceId(round.processInstanceId())
                .taskDefinitionKey(activity).list()) {
            if (taskService.getVariable(task.getId(), RegionalReview.VAR_SUBMISSION_ID) instanceof Number id) {
                tasks.put(id.longValue(), task.getId());
            }
        }
        return tasks;
    }
}
