package org.gcmreview.attachment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The evidence service on the data layer ({@code @DatabaseTest @Import(AttachmentSlice.class)}): its repository
 * and the cycles, audit log and messages it uses come with the slice; its limits from configuration, as in the
 * application. Every attachment slice test imports exactly this, so they share one context.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(AttachmentService.class)
@EnableConfigurationProperties(AttachmentProperties.class)
class AttachmentSlice {
}
