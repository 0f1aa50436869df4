package org.ombc.cds.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** The ways a record can name its patient, or fail to: every reference form of clinical-rules 8. */
public final class Subjects {

    private Subjects() {}

    /** A reference form, named for test reports. */
    public record Form(String name, Function<String, Reference> reference) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Forms that name another patient (the argument) or no patient at all: such records are left out. */
    public static List<Form> foreign() {
        return List.of(
                new Form("Patient/{other}", id -> new Reference("Patient/" + id)),
                new Form("{fhirServer}/Patient/{other}", id -> new Reference(Charts.SERVER + "/Patient/" + id)),
                new Form(
                        "another server's Patient/{this}",
                        id -> new Reference("http://elsewhere.example/fhir/Patient/p1")),
                new Form(
                        "urn:uuid of no entry",
                        id -> new Reference(
                                "urn:uuid:9b8e6f5e-0d7e-4c35-9a43-" + Integer.toUnsignedString(id.hashCode()))),
                new Form("Group", id -> new Reference("Group/cohort-" + id)),
                new Form("missing subject", id -> null),
                new Form("identifier only", id -> new Reference()
                        .setIdentifier(new Identifier()
                                .setSystem("urn:oid:2.16.840.1.113883.4.1")
                                .setValue("123-45-" + id))),
                new Form("display only", id -> new Reference().setDisplay("Jane Doe " + id)),
                new Form("contained", id -> new Reference("#pat")));
    }

    /** A copy of {@code resource} with id {@code id} and subject {@code subject} (null: none). */
    public static Resource withSubject(Resource resource, String id, Reference subject) {
        Resource copy = resource.copy();
        copy.setId(id);
        if (copy instanceof Condition c) {
            c.setSubject(subject);
        } else if (copy instanceof Observation o) {
            o.setSubject(subject);
        } else if (copy instanceof MedicationStatement m) {
            m.setSubject(subject);
        } else if (copy instanceof MedicationRequest m) {
            m.setSubject(subject);
        } else if (copy instanceof Procedure p) {
            p.setSubject(subject);
        } else if (copy instanceof DiagnosticReport d) {
            d.setSubject(subject);
        } else {
            throw new IllegalArgumentException("no subject on " + copy.fhirType());
        }
        return copy;
    }

    /** {@code other}'s records (not its Patient) re-pointed by {@code form}, with ids that are not this chart's. */
    public static List<Resource> foreignRecords(List<Resource> other, String otherId, Form form) {
        List<Resource> out = new ArrayList<>();
        int n = 0;
        for (Resource r : other) {
            if (!(r instanceof Patient)) {
                out.add(withSubject(r, "foreign-" + n++, form.reference().apply(otherId)));
            }
        }
        return out;
    }
}
