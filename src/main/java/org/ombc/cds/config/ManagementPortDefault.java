package org.ombc.cds.config;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Every profile but the sandbox serves the actuator on a port of its own, off the public one. Unless
 * {@code management.server.port} is set, that port is the server port + 1 (8081 beside the default 8080; a random
 * one beside a random server port), so that two instances started with different {@code server.port} values do
 * not both claim 8081. The sandbox keeps the actuator on its one port.
 */
public final class ManagementPortDefault implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "management.server.port";
    static final String SOURCE = "ombc-management-port-default";
    private static final int DEFAULT_SERVER_PORT = 8080;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(PROPERTY)
                || Arrays.asList(environment.getActiveProfiles()).contains("sandbox")) {
            return;
        }
        int serverPort = environment.getProperty("server.port", Integer.class, DEFAULT_SERVER_PORT);
        int managementPort = serverPort <= 0 ? serverPort : serverPort + 1;
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(PROPERTY, managementPort)));
    }

    /** After the configuration files are read, so that profiles and {@code server.port} are known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
