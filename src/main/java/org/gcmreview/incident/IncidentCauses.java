package org.gcmreview.incident;

/**
 * The kind of error behind a failed job, from the first line of its stack trace (the exception's class and
 * message): a small fixed set of plain-word causes, so nothing technical reaches the page.
 */
final class IncidentCauses {

    private IncidentCauses() {
    }

    static String of(String stacktrace) {
        if (stacktrace == null || stacktrace.isBlank()) {
            return "incident.cause.unknown";
        }
        String first = stacktrace.lines().findFirst().orElse("");
        String exception = first.contains(":") ? first.substring(0, first.indexOf(':')) : first;
        if (exception.contains("Mail") || first.contains("mail server")) {
            return "incident.cause.mail";
        }
        if (exception.endsWith("RoundClosedException") || first.contains("No open regional review round")
                || first.contains("No open IMRF edition")) {
            return "incident.cause.round";
        }
        if (exception.endsWith("MismatchingMessageCorrelationException") || first.contains("No running national review")) {
            return "incident.cause.partner";
        }
        if (exception.contains("DataAccess") || exception.contains("SQLException") || exception.contains("Jdbc")) {
            return "incident.cause.database";
        }
        return "incident.cause.unknown";
    }
}
