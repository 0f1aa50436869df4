package org.ombc.cds.knowledge;

import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * Adds the knowledge version to {@code /actuator/info}: the version of the OMBC CodeSystem loaded at start, the
 * same version every card and assessment names. Build version and git commit come from Spring Boot's own
 * contributors (build-info.properties and git.properties, written by the build).
 */
@Component
class KnowledgeInfoContributor implements InfoContributor {

    private final Terminology terminology;

    KnowledgeInfoContributor(Terminology terminology) {
        this.terminology = terminology;
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("knowledge", Map.of("version", terminology.knowledgeVersion()));
    }
}
