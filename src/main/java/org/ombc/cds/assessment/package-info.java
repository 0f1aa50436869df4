/**
 * The assessment as a public contract: {@code POST /ombc/assessment} and its JSON, which the main card also
 * carries as its {@code ombc-assessment} extension.
 */
package org.ombc.cds.assessment;
