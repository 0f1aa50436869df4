package org.ombc.cds.web;

import java.io.IOException;

/** A request body over {@code ombc.max-request-bytes}; answered 413. */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes.");
    }
}
