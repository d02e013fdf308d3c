package org.gcmreview.report;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The "check your answers" step (issue 16.5) of the drafting and report forms: the form's page with
 * {@code ?check=1}. "Save and check your answers" posts the form there with action {@code save} (it is stored,
 * then the summary is shown; a refused save shows the form again with its errors); the summary's own button
 * posts the final action (submit, send) there, and a refusal shows the summary again with its errors, each
 * linking to its row, whose "change" link leads back to the section of the form.
 */
final class CheckAnswers {

    static final String PARAMETER = "check";
    /**
     * The field only the summary's form posts: the final action (submit, send) without it did not come from the
     * summary, so it is refused and the summary shown; nothing is stored (the step cannot be bypassed).
     */
    static final String PASSED = "answerschecked";

    private CheckAnswers() {
    }

    /** Whether the final action was posted from the "check your answers" page. */
    static boolean passed(org.gcmreview.tasks.TaskSubmission form) {
        return "yes".equals(form.field(PASSED));
    }

    /** True when the current request shows (or submits from) the summary, not the form. */
    static boolean checking() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return false;
        }
        var request = attributes.getRequest();
        return "1".equals(request.getParameter(PARAMETER)) && !"save".equals(request.getParameter("action"));
    }
}
