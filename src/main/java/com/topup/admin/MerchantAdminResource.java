package com.topup.admin;

import com.topup.merchant.LedgerService;
import com.topup.merchant.MerchantAccountService;
import com.topup.merchant.MerchantLimitsService;
import com.topup.merchant.MerchantLimitsView;
import com.topup.merchant.MerchantSummary;
import com.topup.merchant.Reconciliation;
import com.topup.web.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Merchant accounts for staff: operators read, admins open accounts, credit balances and set request limits. */
@Path("/admin/api/merchants")
@Produces(MediaType.APPLICATION_JSON)
public class MerchantAdminResource {

    private final MerchantAccountService accounts;
    private final LedgerService ledger;
    private final MerchantLimitsService limits;

    private final SecurityIdentity identity;

    public MerchantAdminResource(MerchantAccountService accounts, LedgerService ledger, MerchantLimitsService limits,
                                 SecurityIdentity identity) {
        this.limits = limits;
        this.identity = identity;
        this.accounts = accounts;
        this.ledger = ledger;
    }

    @GET
    @RolesAllowed({StaffRoles.OPERATOR, StaffRoles.AUDITOR, StaffRoles.ADMIN})
    public List<MerchantSummary> list() {
        return accounts.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(StaffRoles.ADMIN)
    public Response open(OpenMerchant request) {
        requireBody(request, "a merchant object");
        accounts.open(request.code(), request.name(), request.secret(),
                request.priceRateBp() == null ? 9_850 : request.priceRateBp(),
                request.openingBalance() == null ? 0 : request.openingBalance(), StaffActors.of(identity));
        return Response.status(201).entity(accounts.summary(request.code())).build();
    }

    @POST
    @Path("/{code}/credits")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(StaffRoles.ADMIN)
    public MerchantSummary credit(@PathParam("code") String code, Credit request) {
        requireBody(request, "a credit object");
        return accounts.credit(code, request.amount(), request.note(), StaffActors.of(identity));
    }

    @GET
    @Path("/{code}/reconciliation")
    @RolesAllowed({StaffRoles.OPERATOR, StaffRoles.AUDITOR, StaffRoles.ADMIN})
    public Reconciliation reconciliation(@PathParam("code") String code) {
        return ledger.reconcile(accounts.idOf(code));
    }

    @GET
    @Path("/{code}/limits")
    @RolesAllowed({StaffRoles.OPERATOR, StaffRoles.AUDITOR, StaffRoles.ADMIN})
    public MerchantLimitsView limits(@PathParam("code") String code) {
        return limits.limits(code);
    }

    @PUT
    @Path("/{code}/limits")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(StaffRoles.ADMIN)
    public MerchantLimitsView changeLimits(@PathParam("code") String code, String body) {
        return limits.change(code, limits.parse(body), StaffActors.of(identity));
    }

    /** A JSON {@code null} body reads as no object at all. */
    private static void requireBody(Object request, String what) {
        if (request == null) {
            throw new ApiException(400, "INVALID_REQUEST", "The body must be " + what);
        }
    }

    public record OpenMerchant(String code, String name, String secret, Integer priceRateBp, Long openingBalance) {
    }

    public record Credit(long amount, String note) {
    }
}
