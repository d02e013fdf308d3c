package org.gcmreview.report.comments;

import java.util.regex.Pattern;

/**
 * The page a thread page links back to: only the task form it was opened from (a task, optionally with its
 * {@code ?section=} or {@code ?check=} part), never another site, so the parameter cannot be used to send
 * people elsewhere.
 */
final class ReturnPath {

    private static final Pattern TASK = Pattern.compile("/tasks/[A-Za-z0-9-]{1,64}(\\?(section=[0-9]{1,18}|check=1))?");

    private ReturnPath() {
    }

    static String safe(String back) {
        return back != null && TASK.matcher(back).matches() ? back : null;
    }
}
