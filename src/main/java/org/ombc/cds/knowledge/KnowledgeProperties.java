package org.ombc.cds.knowledge;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clinical knowledge a site adds without code (docs/configuration.md).
 *
 * @param extraDir a folder of extra trial definitions (FHIR ResearchStudy JSON, profile {@code ombc-trial}), read
 *                 and validated at start; unset: only the trials of {@code fhir-profiles/researchstudies/}
 */
@ConfigurationProperties("ombc.knowledge")
public record KnowledgeProperties(Path extraDir) {}
