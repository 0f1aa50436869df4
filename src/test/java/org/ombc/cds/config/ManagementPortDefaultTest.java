package org.ombc.cds.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/**
 * Two instances started with different server ports get different management ports without a second setting;
 * an explicit {@code management.server.port} and the sandbox's single port are left as they are.
 */
class ManagementPortDefaultTest {

    private final ManagementPortDefault postProcessor = new ManagementPortDefault();

    private Integer managementPort(MockEnvironment environment) {
        postProcessor.postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty(ManagementPortDefault.PROPERTY, Integer.class);
    }

    @Test
    void theManagementPortIsTheServerPortPlusOne() {
        assertThat(managementPort(new MockEnvironment()))
                .as("beside the default 8080")
                .isEqualTo(8081);
        assertThat(managementPort(new MockEnvironment().withProperty("server.port", "9090")))
                .isEqualTo(9091);
        assertThat(managementPort(new MockEnvironment().withProperty("server.port", "9190")))
                .isEqualTo(9191);
    }

    @Test
    void aRandomServerPortGetsARandomManagementPort() {
        assertThat(managementPort(new MockEnvironment().withProperty("server.port", "0")))
                .isZero();
    }

    @Test
    void anExplicitManagementPortWins() {
        assertThat(managementPort(new MockEnvironment()
                        .withProperty("server.port", "9090")
                        .withProperty(ManagementPortDefault.PROPERTY, "7000")))
                .isEqualTo(7000);
    }

    @Test
    void theSandboxKeepsTheActuatorOnItsOnePort() {
        MockEnvironment sandbox = new MockEnvironment();
        sandbox.setActiveProfiles("sandbox");
        assertThat(managementPort(sandbox)).isNull();
        assertThat(sandbox.getPropertySources().contains(ManagementPortDefault.SOURCE))
                .isFalse();
    }
}
