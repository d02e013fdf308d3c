package org.gcmreview.consultation;

public enum WindowStatus {
    SCHEDULED,
    OPEN,
    CLOSED
}
