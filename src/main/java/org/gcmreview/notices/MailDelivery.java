package org.gcmreview.notices;

/** How a person wants one kind of notice by e-mail; the notice is in the notification centre either way. */
public enum MailDelivery {
    IMMEDIATE, DIGEST, NONE
}
