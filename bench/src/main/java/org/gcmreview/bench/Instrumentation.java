package org.gcmreview.bench;

import java.io.IOException;

import javax.sql.DataSource;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Added to the application under test by the benchmark only (a source of its SpringApplication, in lite mode:
 * nothing in the application scans or knows it). It times each request in front of every other filter and counts
 * the SQL statements behind it; see {@link Recorder}.
 */
class Instrumentation {

    @Bean
    static BeanPostProcessor benchRecordingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource ds && beanName.equals("dataSource") ? Recorder.wrap(ds) : bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<Filter> benchServerTiming() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ServerTiming());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    private static final class ServerTiming implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            String operation = ((HttpServletRequest) request).getHeader(Web.OPERATION_HEADER);
            if (operation == null) {
                chain.doFilter(request, response);
                return;
            }
            long start = System.nanoTime();
            long cpu = Recorder.threadCpuNanos();
            Recorder.begin(operation);
            try {
                chain.doFilter(request, response);
            } finally {
                Recorder.end(operation, System.nanoTime() - start, Recorder.threadCpuNanos() - cpu);
            }
        }
    }
}
