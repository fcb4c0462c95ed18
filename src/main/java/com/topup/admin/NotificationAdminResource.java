package com.topup.admin;

import com.topup.notify.NotificationService;
import com.topup.notify.NotificationStatus;
import com.topup.notify.NotificationView;
import com.topup.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Merchant callbacks across orders, newest first: by default the undelivered ones an operator may resend. */
@Path("/admin/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationAdminResource {

    private final NotificationService notifications;

    public NotificationAdminResource(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GET
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
