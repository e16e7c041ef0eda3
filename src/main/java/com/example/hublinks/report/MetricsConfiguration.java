package com.example.hublinks.report;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer for one run: Spring Batch's own observations of the job and its steps, and the
 * project's counters, in a registry that {@link MetricsFile} writes out as Prometheus text
 * ({@code metrics.prom}) next to the report, for a node exporter's textfile collector or a person.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    PrometheusMeterRegistry meterRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @Bean
    ObservationRegistry observationRegistry(MeterRegistry meterRegistry) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig()
                // per-item timers would cost more than the signing itself on a million-row night
                .observationPredicate((name, context) -> !name.startsWith("spring.batch.item"))
                .observationHandler(new DefaultMeterObservationHandler(meterRegistry));
        return registry;
    }

    /** Batch's jobs and steps observe into the registry above (without it they observe into a no-op). */
    @Bean
    static BeanPostProcessor batchObservations(ObjectProvider<ObservationRegistry> observations) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractJob job) {
                    job.setObservationRegistry(observations.getObject());
                } else if (bean instanceof AbstractStep step) {
                    step.setObservationRegistry(observations.getObject());
                }
                return bean;
            }
        };
    }
}
