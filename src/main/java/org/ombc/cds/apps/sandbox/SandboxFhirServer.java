package org.ombc.cds.apps.sandbox;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * A read-only FHIR R4 REST endpoint over the sandbox patients (HAPI's plain server): read, and the searches our
 * prefetch templates use, with paging, so the fallback path and external FHIR tools can be tried; and the SMART
 * launch registration of the public CDS Hooks sandbox ({@link LaunchRegistration}).
 */
public class SandboxFhirServer extends RestfulServer {

    static final int PAGE_SIZE = 5;

    private final transient SandboxBulkExport bulkExport;

    public SandboxFhirServer(FhirContext context, SandboxStore store, SandboxLaunches launches) {
        super(context);
        registerInterceptor(new LaunchRegistration(store, launches));
        this.bulkExport = new SandboxBulkExport(context, store);
        FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(1000);
        paging.setDefaultPageSize(PAGE_SIZE);
        paging.setMaximumPageSize(100);
        setPagingProvider(paging);
        List<IResourceProvider> providers = new ArrayList<>();
        providers.add(new PatientProvider(store));
        for (Class<? extends Resource> type : List.of(
                org.hl7.fhir.r4.model.Condition.class,
                org.hl7.fhir.r4.model.Observation.class,
                org.hl7.fhir.r4.model.MedicationRequest.class,
                org.hl7.fhir.r4.model.MedicationStatement.class,
                org.hl7.fhir.r4.model.Procedure.class,
                DiagnosticReport.class)) {
            providers.add(new CompartmentProvider(store, type));
        }
        setResourceProviders(providers);
    }

    /** Bulk Data export is asynchronous and streams NDJSON: served beside HAPI's REST operations, not by them. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (SandboxBulkExport.handles(request.getPathInfo())) {
            bulkExport.serve(request, response);
        } else {
            super.service(request, response);
        }
    }

    public static final class PatientProvider implements IResourceProvider {
        private final SandboxStore store;

        PatientProvider(SandboxStore store) {
            this.store = store;
        }

        @Override
        public Class<Patient> getResourceType() {
            return Patient.class;
        }

        @Read
        public Patient read(@IdParam IdType id) {
            return (Patient) store.read("Patient", id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
        }

        @Search
        public List<IBaseResource> all() {
            return new ArrayList<>(store.patients());
        }
    }

    /** The patient's clinical resources: read, and search by patient, narrowed by code or category. */
    public static final class CompartmentProvider implements IResourceProvider {
        private final SandboxStore store;
        private final Class<? extends Resource> type;

        CompartmentProvider(SandboxStore store, Class<? extends Resource> type) {
            this.store = store;
            this.type = type;
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return type;
        }

        @Read
        public IBaseResource read(@IdParam IdType id) {
            return store.read(type.getSimpleName(), id.getIdPart())
                    .orElseThrow(() -> new ResourceNotFoundException(id));
        }

        @Search
        public List<IBaseResource> byPatient(
                // HAPI hands an empty "patient=" in as null, though the parameter is required.
                @RequiredParam(name = "patient") @Nullable ReferenceParam patient,
                @OptionalParam(name = "code") @Nullable TokenOrListParam code,
                @OptionalParam(name = "category") @Nullable TokenOrListParam category) {
            String patientId = patient == null ? null : patient.getIdPart();
            if (patientId == null || patientId.isBlank()) {
                throw new InvalidRequestException(
                        "the search needs a patient id: patient=Patient/{id} or patient={id}");
            }
            List<IBaseResource> found =
                    new ArrayList<>(store.search(type.getSimpleName(), patientId, "code", tokens(code)));
            if (category != null) {
                found.retainAll(store.search(type.getSimpleName(), patientId, "category", tokens(category)));
            }
            return found;
        }
    }

    static List<String> tokens(@Nullable TokenOrListParam param) {
        List<String> tokens = new ArrayList<>();
        if (param != null) {
            for (TokenParam token : param.getValuesAsQueryTokens()) {
                tokens.add(token.getSystem() == null ? token.getValue() : token.getSystem() + "|" + token.getValue());
            }
        }
        return tokens;
    }
}
