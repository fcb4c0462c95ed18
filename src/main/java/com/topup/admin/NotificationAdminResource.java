package com.topup.admin;

import com.topup.notify.NotificationService;
import com.topup.notify.NotificationStatus;
import com.topup.notify.NotificationView;
import com.topup.web.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Merchant callbacks for staff: their delivery log, undelivered ones, and resending an order's result. */
@Path("/admin/api")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationAdminResource {

    private final NotificationService notifications;
    private final SecurityIdentity identity;

    public NotificationAdminResource(NotificationService notifications, SecurityIdentity identity) {
        this.notifications = notifications;
        this.identity = identity;
    }

    /** Queues a new callback (new eventId) with the order's current final state; 202 with the new callback. */
    @POST
    @Path("/orders/{orderId}/actions/resend-notify")
    @RolesAllowed(StaffRoles.OPERATOR)
    public Response resend(@PathParam("orderId") String orderId) {
        NotificationView queued = notifications.resend(orderId, identity.getPrincipal().getName());
        return Response.accepted(queued).build();
    }

    @GET
    @Path("/orders/{orderId}/notifications")
    @RolesAllowed({StaffRoles.OPERATOR, StaffRoles.AUDITOR})
    public List<NotificationView> forOrder(@PathParam("orderId") String orderId) {
        return notifications.forOrder(orderId);
    }

    @GET
    @Path("/notifications")
    @RolesAllowed({StaffRoles.OPERATOR, StaffRoles.AUDITOR})
    public List<NotificationView> withStatus(@QueryParam("status") @DefaultValue("UNDELIVERED") String status,
                                             @QueryParam("limit") @DefaultValue("100") int limit) {
        return notifications.withStatus(parse(status), limit);
    }

    private static NotificationStatus parse(String status) {
        try {
            return NotificationStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "INVALID_REQUEST", "status must be one of "
                    + Arrays.toString(NotificationStatus.values()), Map.of("field", "status"));
        }
    }
}
