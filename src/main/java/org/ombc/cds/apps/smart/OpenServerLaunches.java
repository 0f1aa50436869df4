package org.ombc.cds.apps.smart;

import java.util.Optional;

/**
 * Launch ids that an open FHIR server (one without SMART authorisation, such as the sandbox's {@code /fhir}) handed
 * out when a CDS client registered a card's SMART link: the patient each was registered for. With an authorising
 * EHR the launch id goes to its authorisation server instead and this is not used.
 */
public interface OpenServerLaunches {

    /** The patient the launch was registered for, if it is known and not expired. */
    Optional<String> patient(String launch);
}
