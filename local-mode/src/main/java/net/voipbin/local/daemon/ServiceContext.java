package net.voipbin.local.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.slf4j.MDC;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import net.voipbin.local.logging.ServiceLogs;

/**
 * One service's Spring application context in this JVM. The services share one class path, where
 * every module's {@code application.yml} sits at the same name: each context is pointed at its own
 * module's file, so it reads exactly what it reads when it runs alone.
 */
final class ServiceContext implements AutoCloseable {

    private final LocalService service;
    private final ConfigurableApplicationContext context;

    private ServiceContext(LocalService service, ConfigurableApplicationContext context) {
        this.service = service;
        this.context = context;
    }

    static ServiceContext start(LocalService service, Wiring wiring) {
        List<String> args = new ArrayList<>(wiring.common(wiring.ports().service(service.documentedPort())));
        args.addAll(service.settings().apply(wiring));
        args.add("--spring.config.location=" + ownConfiguration(service.application()));
        // Startup lines (Flyway, Tomcat, the consumers) land in the service's own log.
        MDC.put(ServiceLogs.MDC_KEY, service.name());
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(service.application())
                    .main(service.application())
                    .bannerMode(Banner.Mode.OFF)
                    // The daemon closes the contexts itself, before the broker and the database they use.
                    .registerShutdownHook(false)
                    .run(args.toArray(String[]::new));
            return new ServiceContext(service, context);
        } finally {
            MDC.remove(ServiceLogs.MDC_KEY);
        }
    }

    /** The module's own application.yml: the copy that sits in the same jar (or folder) as its class. */
    static URL ownConfiguration(Class<?> application) {
        String home = application.getProtectionDomain().getCodeSource().getLocation().toString()
                .replaceFirst("^jar:", "").replaceFirst("!/$", "");
        try {
            for (URL candidate : Collections.list(application.getClassLoader().getResources("application.yml"))) {
                if (candidate.toString().contains(home)) {
                    return candidate;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no application.yml beside " + application.getName() + " in " + home);
    }

    String name() {
        return service.name();
    }

    boolean isRunning() {
        return context.isRunning();
    }

    @Override
    public void close() {
        context.close();
    }
}
