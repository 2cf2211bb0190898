package io.jifen.admin.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The service's notion of "now" for everything that depends on time passing: which rule version is
 * live, whether an activation is pending. One bean, so a test can move time instead of waiting.
 */
public class ClockProducer {
    @Produces
    @Singleton
    @DefaultBean
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
