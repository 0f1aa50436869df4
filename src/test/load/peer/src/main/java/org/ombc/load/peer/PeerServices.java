package org.ombc.load.peer;

import java.util.List;
import org.springframework.context.annotation.Bean;

/**
 * The services' own context, booted by HAPI's {@code CdsHooksContextBooter}, which looks for a bean named {@code
 * cdsServices}. Not a {@code @Configuration}: the peer's component scan must not register it a second time.
 */
public class PeerServices {

    @Bean(name = "cdsServices")
    public List<Object> cdsServices() {
        return List.of(new PeerService());
    }
}
