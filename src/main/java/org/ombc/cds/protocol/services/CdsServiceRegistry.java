package org.ombc.cds.protocol.services;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ombc.cds.protocol.json.CdsHooksModel;
import org.ombc.cds.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * The CDS services this application offers, by service id, in discovery order: built from every {@link CdsService}
 * bean, so that the endpoint only looks a service up and never lists them itself.
 */
public final class CdsServiceRegistry {

    private final Map<String, CdsService> byId = new LinkedHashMap<>();

    public CdsServiceRegistry(List<CdsService> services) {
        for (CdsService service : services) {
            if (byId.put(service.id(), service) != null) {
                throw new IllegalArgumentException("two CDS services with id " + service.id());
            }
        }
    }

    /** The service with this id; an unknown id is a 404 naming where to look. */
    public CdsService require(String id) {
        CdsService service = byId.get(id);
        if (service == null) {
            throw new ApiProblem(
                    HttpStatus.NOT_FOUND,
                    "unknown-service",
                    "No CDS service '" + id.replaceAll("[^A-Za-z0-9._-]", "?") + "'; see GET /cds-services.");
        }
        return service;
    }

    public CdsHooksModel.Discovery discovery() {
        return new CdsHooksModel.Discovery(
                byId.values().stream().map(CdsService::definition).toList());
    }
}
