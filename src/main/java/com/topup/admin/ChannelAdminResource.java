package com.topup.admin;

import com.topup.channel.ChannelService;
import com.topup.channel.ChannelUpdate;
import com.topup.channel.ChannelView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Supplier channels: operators read them, admins create and change them. */
@Path("/admin/api/channels")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelAdminResource {

    private final ChannelService channels;
    private final SecurityIdentity identity;

    public ChannelAdminResource(ChannelService channels, SecurityIdentity identity) {
        this.channels = channels;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({StaffRoles.OPERATOR, StaffRoles.ADMIN})
    public List<ChannelView> list() {
        return channels.list();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({StaffRoles.OPERATOR, StaffRoles.ADMIN})
    public ChannelView get(@PathParam("code") String code) {
        return channels.get(code);
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(StaffRoles.ADMIN)
    public ChannelView save(@PathParam("code") String code, ChannelUpdate update) {
        return channels.save(code, update, identity.getPrincipal().getName());
    }
}
