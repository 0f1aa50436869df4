package org.ombc.cds.model;

import org.jspecify.annotations.Nullable;

/**
 * One disease-status result on imaging (LOINC 97509-4). {@code status} is UNKNOWN when the value could not be
 * read; {@code date} is null when the result is undated (it cannot then be placed against the OMD date).
 */
public record DiseaseStatus(@Nullable DateInterval date, Progression status) {}
