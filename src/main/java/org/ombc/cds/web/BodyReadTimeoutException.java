package org.ombc.cds.web;

import java.io.IOException;

/** A request body that did not arrive within {@code ombc.security.body-read-timeout}; answered 408. */
public class BodyReadTimeoutException extends IOException {

    private static final long serialVersionUID = 1L;

    public BodyReadTimeoutException() {
        super("The request body did not arrive in time.");
    }
}
