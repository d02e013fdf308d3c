package org.gcmreview;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GcmReviewApplication {

    public static void main(String[] args) {
        SpringApplication.run(GcmReviewApplication.class, args);
    }
}
