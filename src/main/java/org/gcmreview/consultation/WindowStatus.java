package org.gcmreview.consultation;

enum WindowStatus {
    SCHEDULED,
    OPEN,
    CLOSED
}
