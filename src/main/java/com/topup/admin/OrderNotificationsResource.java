package com.topup.admin;

import com.topup.notify.NotificationService;
import com.topup.notify.NotificationView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * An order's merchant callbacks with their attempt logs. Its own class with the full path: Quarkus REST routes a
 * request to the single resource class whose path matches most specifically, so a class on /admin/api/orders
 * would otherwise take these requests.
 */
@Path("/admin/api/orders/{orderId}/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class OrderNotificationsResource {

    private final NotificationService notifications;

    public OrderNotificationsResource(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GET
    @RolesAllowed({StaffRoles.OPERATOR, StaffRoles.AUDITOR})
    public List<NotificationView> list(@PathParam("orderId") String orderId) {
        return notifications.forOrder(orderId);
    }
}
