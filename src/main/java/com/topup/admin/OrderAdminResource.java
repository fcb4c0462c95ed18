package com.topup.admin;

import com.topup.channel.dispatch.AttemptQueries;
import com.topup.channel.dispatch.AttemptView;
import com.topup.order.OrderView;
import com.topup.order.StaffOrderQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** An order with its attempts, for operators and auditors. */
@Path("/admin/api/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderAdminResource {

    private final StaffOrderQueries orders;
    private final AttemptQueries attempts;

    public OrderAdminResource(StaffOrderQueries orders, AttemptQueries attempts) {
        this.orders = orders;
        this.attempts = attempts;
    }

    @GET
    @Path("/{orderId}")
    @RolesAllowed({StaffRoles.OPERATOR, StaffRoles.AUDITOR})
    public StaffOrder get(@PathParam("orderId") String orderId) {
        return new StaffOrder(orders.byId(orderId), attempts.ofOrder(orderId));
    }

    public record StaffOrder(OrderView order, List<AttemptView> attempts) {
    }
}
