package org.ombc.cds.apps.smart;

/**
 * What one browser session of the app holds, server-side only: the FHIR server, the EHR's launch id until the
 * code is exchanged, the registration, and the patient the token was granted for. The access token itself stays in
 * Spring Security's session repository; it never reaches the browser, a URL or a log.
 */
final class SmartSession {

    static final String ISS = "ombc.smart.iss";
    static final String LAUNCH = "ombc.smart.launch";
    static final String REGISTRATION = "ombc.smart.registration";
    static final String PATIENT = "ombc.smart.patient";

    private SmartSession() {}
}
