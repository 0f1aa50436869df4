/**
 * What an operator runs beside the service: the development issuer's commands, the OpenAPI description,
 * the knowledge version in {@code /actuator/info} and the management port's default.
 */
@NullMarked
package org.ombc.cds.ops;

import org.jspecify.annotations.NullMarked;
