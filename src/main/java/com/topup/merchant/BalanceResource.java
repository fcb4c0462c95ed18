package com.topup.merchant;

import io.quarkus.security.Authenticated;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/balance")
@Authenticated
@HttpAuthenticationMechanism(MerchantAuthenticationMechanism.SCHEME)
@Produces(MediaType.APPLICATION_JSON)
public class BalanceResource {

    private final CurrentMerchant merchants;
    private final LedgerService ledger;

    public BalanceResource(CurrentMerchant merchants, LedgerService ledger) {
        this.merchants = merchants;
        this.ledger = ledger;
    }

    @GET
    public BalanceView balance() {
        AuthenticatedMerchant merchant = merchants.get();
        return new BalanceView(merchant.code(), ledger.balance(merchant.id()), "CNY");
    }

    public record BalanceView(String merchantId, long balance, String currency) {
    }
}
