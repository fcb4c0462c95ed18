package com.topup.merchant;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/balance")
@Produces(MediaType.APPLICATION_JSON)
public class BalanceResource {

    private final MerchantRequests requests;
    private final LedgerService ledger;

    public BalanceResource(MerchantRequests requests, LedgerService ledger) {
        this.requests = requests;
        this.ledger = ledger;
    }

    @GET
    public BalanceView balance(@Context HttpServerRequest http) {
        AuthenticatedMerchant merchant = requests.authenticate(http, null);
        return new BalanceView(merchant.code(), ledger.balance(merchant.id()), "CNY");
    }

    public record BalanceView(String merchantId, long balance, String currency) {
    }
}
