/**
 * The wiring: the beans of the service, the management port's default, the OpenAPI description. It may depend on
 * every package and none depends on it.
 */
@NullMarked
package org.ombc.cds.config;

import org.jspecify.annotations.NullMarked;
