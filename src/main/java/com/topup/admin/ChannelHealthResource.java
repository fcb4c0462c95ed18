package com.topup.admin;

import com.topup.channel.ChannelService;
import com.topup.channel.ChannelView;
import com.topup.channel.health.ChannelHealth;
import com.topup.channel.health.ChannelHealthHistory;
import com.topup.channel.health.ChannelHealthService;
import com.topup.channel.health.CircuitBreakers;
import com.topup.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One channel's figures per minute and carrier with its circuit history. Its own class with the full path, so that
 * it wins over {@code /admin/api/channels/{code}} (see OrderNotificationsResource).
 */
@Path("/admin/api/channels/{code}/health")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelHealthResource {

    private final ChannelService channels;
    private final ChannelHealthService health;
    private final ChannelHealthHistory history;
    private final CircuitBreakers circuits;

    public ChannelHealthResource(ChannelService channels, ChannelHealthService health, ChannelHealthHistory history,
                                 CircuitBreakers circuits) {
        this.channels = channels;
        this.health = health;
        this.history = history;
        this.circuits = circuits;
    }

    @GET
    @RolesAllowed({StaffRoles.OPERATOR, StaffRoles.AUDITOR, StaffRoles.ADMIN})
    public ChannelOverTime one(@PathParam("code") String code, @QueryParam("minutes") @DefaultValue("60") int minutes) {
        if (minutes < 1 || minutes > 1440) {
            throw new ApiException(400, "INVALID_REQUEST", "minutes must be between 1 and 1440", Map.of("field", "minutes"));
        }
        ChannelView channel = channels.get(code);
        Instant to = Instant.now();
        Instant from = to.minus(Duration.ofMinutes(minutes - 1L));
        return new ChannelOverTime(now(channel, health, history, circuits), from, to, history.perMinute(code, from, to),
                history.circuitChanges(code, 50));
    }

    static ChannelNow now(ChannelView channel, ChannelHealthService health, ChannelHealthHistory history,
                          CircuitBreakers circuits) {
        ChannelHealth figures = health.snapshot().channel(channel.code());
        Instant since = history.currentState(channel.code()).map(ChannelHealthHistory.CircuitChange::at).orElse(null);
        return new ChannelNow(channel, circuits.state(channel.code()).name(), since, figures, health.snapshot().takenAt());
    }

    /** A channel's configuration with its figures of the latest refresh and its circuit state (since when). */
    public record ChannelNow(ChannelView channel, String circuitState, Instant circuitSince, ChannelHealth figures,
                             Instant figuresAt) {
    }

    public record ChannelOverTime(ChannelNow now, Instant from, Instant to, List<ChannelHealthHistory.MinuteFigures> minutes,
                                  List<ChannelHealthHistory.CircuitChange> circuitChanges) {
    }
}
