/**
 * Notices to people: the mail outbox (every mail of the application is written to {@code mail_outbox} in the
 * transaction of the work that causes it and delivered by {@link org.gcmreview.notices.MailOutbox}'s sender apart
 * from that work, with retries and backoff; a mail that finally fails is listed for the administrator at
 * {@code /admin/notices}).
 * <p>Owns the table {@code mail_outbox}. Offers {@link org.gcmreview.notices.MailOutbox}. Depends on no feature
 * module, so every module may send through it.
 */
package org.gcmreview.notices;
