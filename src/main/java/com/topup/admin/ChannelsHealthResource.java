package com.topup.admin;

import com.topup.channel.ChannelService;
import com.topup.channel.health.ChannelHealthHistory;
import com.topup.channel.health.ChannelHealthService;
import com.topup.channel.health.CircuitBreakers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Every channel with its live figures and circuit state, for the channels page. */
@Path("/admin/api/channels/health")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelsHealthResource {

    private final ChannelService channels;
    private final ChannelHealthService health;
    private final ChannelHealthHistory history;
    private final CircuitBreakers circuits;

    public ChannelsHealthResource(ChannelService channels, ChannelHealthService health, ChannelHealthHistory history,
                                  CircuitBreakers circuits) {
        this.channels = channels;
        this.health = health;
        this.history = history;
        this.circuits = circuits;
    }

    @GET
    @RolesAllowed({StaffRoles.OPERATOR, StaffRoles.AUDITOR, StaffRoles.ADMIN})
    public List<ChannelHealthResource.ChannelNow> all() {
        return channels.list().stream().map(c -> ChannelHealthResource.now(c, health, history, circuits)).toList();
    }
}
