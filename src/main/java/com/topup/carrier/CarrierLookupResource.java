package com.topup.carrier;

import com.topup.merchant.MerchantAuthenticationMechanism;
import com.topup.web.ApiException;
import com.topup.web.OpenApiNames;
import io.quarkus.security.Authenticated;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

/** Tells a merchant the carrier, region and face values of a number before ordering. */
@Path("/api/v1/carriers/lookup")
@Authenticated
@HttpAuthenticationMechanism(MerchantAuthenticationMechanism.SCHEME)
@SecurityRequirementsSet({
        @SecurityRequirement(name = OpenApiNames.MERCHANT_ID), @SecurityRequirement(name = OpenApiNames.TIMESTAMP),
        @SecurityRequirement(name = OpenApiNames.NONCE), @SecurityRequirement(name = OpenApiNames.SIGNATURE)})
@APIResponse(responseCode = "401", ref = OpenApiNames.MERCHANT_UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = OpenApiNames.MERCHANT_FORBIDDEN)
@APIResponse(responseCode = "429", ref = OpenApiNames.RATE_LIMITED)
@Produces(MediaType.APPLICATION_JSON)
public class CarrierLookupResource {

    private final CarrierService carriers;
    private final ProductCatalogue catalogue;

    public CarrierLookupResource(CarrierService carriers, ProductCatalogue catalogue) {
        this.carriers = carriers;
        this.catalogue = catalogue;
    }

    @GET
    @Operation(operationId = "lookupCarrier", summary = "Carrier, region and face values of a mobile number")
    @APIResponse(responseCode = "200", description = "What the number is and which face values it can be topped up with.")
    @APIResponse(responseCode = "422", ref = OpenApiNames.INVALID_PHONE)
    public LookupView lookup(@QueryParam("phone") String phone) {
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
