package com.topup.admin;

import com.topup.order.OrderPage;
import com.topup.order.OrderSearchParams;
import com.topup.order.StaffOrderQueries;
import com.topup.repair.OrderExplanation;
import com.topup.repair.action.ActionKind;
import com.topup.repair.action.ActionRequest;
import com.topup.repair.action.OperatorActionService;
import com.topup.web.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Orders for staff (CONTRACT §3): search, one order explained step by step, and the operators' actions on it. */
@Path("/admin/api/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderAdminResource {

    private final StaffOrderQueries orders;
    private final OrderExplanation explanation;
    private final OperatorActionService actions;
    private final SecurityIdentity identity;

    public OrderAdminResource(StaffOrderQueries orders, OrderExplanation explanation, OperatorActionService actions,
                              SecurityIdentity identity) {
        this.orders = orders;
        this.explanation = explanation;
        this.actions = actions;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({StaffRoles.OPERATOR, StaffRoles.AUDITOR})
    public OrderPage search(@QueryParam("status") String status, @QueryParam("merchant") String merchant,
                            @QueryParam("merchantOrderId") String merchantOrderId, @QueryParam("phone") String phone,
                            @QueryParam("carrier") String carrier, @QueryParam("channel") String channel,
                            @QueryParam("anomaly") String anomaly, @QueryParam("from") String from,
                            @QueryParam("to") String to, @QueryParam("cursor") String cursor,
                            @QueryParam("limit") Integer limit) {
        return orders.search(new OrderSearchParams(status, merchant, merchantOrderId, phone, carrier, channel, anomaly,
                from, to, cursor, limit));
    }

    @GET
    @Path("/{orderId}")
    @RolesAllowed({StaffRoles.OPERATOR, StaffRoles.AUDITOR})
    public OrderExplanation.Explained get(@PathParam("orderId") String orderId) {
        return explanation.of(orderId);
    }

    @POST
    @Path("/{orderId}/actions/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(StaffRoles.OPERATOR)
    public Response act(@PathParam("orderId") String orderId, @PathParam("action") String action, ActionRequest request) {
        ActionKind kind = ActionKind.ofPath(action).orElseThrow(() -> new ApiException(404, "NOT_FOUND",
                "No action " + action + "; actions are retry, refund, mark-succeeded, resend-notify",
                Map.of("action", action)));
        return Response.ok(actions.perform(kind, orderId, request, StaffActors.of(identity)), MediaType.APPLICATION_JSON)
                .build();
    }
}
