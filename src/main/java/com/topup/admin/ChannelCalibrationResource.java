package com.topup.admin;

import com.topup.channel.ChannelService;
import com.topup.channel.health.CalibrationQueries;
import com.topup.channel.health.CalibrationReport;
import com.topup.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Map;

/**
 * Predicted against observed success per channel over the last hours, from the predictions recorded on the
 * attempts. Its own class with the full path, so that it wins over {@code /admin/api/channels/{code}}.
 */
@Path("/admin/api/channels/calibration")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelCalibrationResource {

    static final int MAX_HOURS = 168;

    private final CalibrationQueries calibration;
    private final ChannelService channels;

    public ChannelCalibrationResource(CalibrationQueries calibration, ChannelService channels) {
        this.calibration = calibration;
        this.channels = channels;
    }

    @GET
    @RolesAllowed({StaffRoles.OPERATOR, StaffRoles.AUDITOR, StaffRoles.ADMIN})
    public CalibrationReport get(@QueryParam("channel") String channel, @QueryParam("hours") @DefaultValue("24") String hours) {
        if (channel != null) {
            channels.get(channel);
        }
        return calibration.read(channel, Duration.ofHours(hours(hours)));
    }

    private static int hours(String text) {
        int hours;
        try {
            hours = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            hours = 0;
        }
        if (hours < 1 || hours > MAX_HOURS) {
            throw new ApiException(400, "INVALID_REQUEST", "hours must be a whole number from 1 to " + MAX_HOURS,
                    Map.of("field", "hours"));
        }
        return hours;
    }
}
