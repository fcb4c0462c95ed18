package com.topup.carrier;

import com.topup.merchant.MerchantRequests;
import com.topup.web.ApiException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Tells a merchant the carrier, region and face values of a number before ordering. */
@Path("/api/v1/carriers/lookup")
@Produces(MediaType.APPLICATION_JSON)
public class CarrierLookupResource {

    private final MerchantRequests requests;
    private final CarrierService carriers;
    private final ProductCatalogue catalogue;

    public CarrierLookupResource(MerchantRequests requests, CarrierService carriers, ProductCatalogue catalogue) {
        this.requests = requests;
        this.carriers = carriers;
        this.catalogue = catalogue;
    }

    @GET
    public LookupView lookup(@Context HttpServerRequest http, @QueryParam("phone") String phone) {
        requests.authenticate(http, null);
        if (phone == null || phone.isBlank()) {
            throw new ApiException(422, "INVALID_PHONE", "Query parameter phone is required");
        }
        PhoneLookup found = carriers.lookup(phone);
        return new LookupView(found.masked(), found.country(), found.carrier().name(), found.province(), found.city(),
                catalogue.faceValues(found.carrier()));
    }

    public record LookupView(String phone, String country, String carrier, String province, String city,
                             List<Long> faceValues) {
    }
}
