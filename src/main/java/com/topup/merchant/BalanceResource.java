package com.topup.merchant;

import com.topup.web.OpenApiNames;
import io.quarkus.security.Authenticated;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

@Path("/api/v1/balance")
@Authenticated
@HttpAuthenticationMechanism(MerchantAuthenticationMechanism.SCHEME)
@SecurityRequirementsSet({
        @SecurityRequirement(name = OpenApiNames.MERCHANT_ID), @SecurityRequirement(name = OpenApiNames.TIMESTAMP),
        @SecurityRequirement(name = OpenApiNames.NONCE), @SecurityRequirement(name = OpenApiNames.SIGNATURE)})
@APIResponse(responseCode = "401", ref = OpenApiNames.MERCHANT_UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = OpenApiNames.MERCHANT_FORBIDDEN)
@APIResponse(responseCode = "429", ref = OpenApiNames.RATE_LIMITED)
@Produces(MediaType.APPLICATION_JSON)
public class BalanceResource {

    private final CurrentMerchant merchants;
    private final LedgerService ledger;

    public BalanceResource(CurrentMerchant merchants, LedgerService ledger) {
        this.merchants = merchants;
        this.ledger = ledger;
    }

    @GET
    @Operation(operationId = "getBalance", summary = "The merchant's prepaid balance")
    @APIResponse(responseCode = "200", description = "The balance in fen.")
    public BalanceView balance() {
        AuthenticatedMerchant merchant = merchants.get();
        return new BalanceView(merchant.code(), ledger.balance(merchant.id()), "CNY");
    }

    public record BalanceView(String merchantId, long balance, String currency) {
    }
}
