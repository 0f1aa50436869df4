/**
 * What every HTTP endpoint and filter shares: the one Problem Details writer, the exceptions it answers, the
 * body-size limit and log-safe values. Below the endpoints and the security chain, so both use it one way.
 */
@NullMarked
package org.ombc.cds.web;

import org.jspecify.annotations.NullMarked;
