package com.topup.admin;

import com.topup.notify.NotificationService;
import com.topup.notify.NotificationView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The operator action resend-notify: queues a new callback (new eventId) with the order's current final state and
 * answers 202 with it. Its own class with the full path, so that it wins over a generic
 * {@code /admin/api/orders/{orderId}/actions/{action}} method of another resource (see OrderNotificationsResource).
 */
@Path("/admin/api/orders/{orderId}/actions/resend-notify")
@Produces(MediaType.APPLICATION_JSON)
public class ResendNotifyResource {

    private final NotificationService notifications;
    private final SecurityIdentity identity;

    public ResendNotifyResource(NotificationService notifications, SecurityIdentity identity) {
        this.notifications = notifications;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(StaffRoles.OPERATOR)
    public Response resend(@PathParam("orderId") String orderId) {
        NotificationView queued = notifications.resend(orderId, identity.getPrincipal().getName());
        return Response.accepted(queued).build();
    }
}
