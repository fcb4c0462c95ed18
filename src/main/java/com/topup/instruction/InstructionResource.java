package com.topup.instruction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.merchant.AuthenticatedMerchant;
import com.topup.merchant.MerchantRequests;
import com.topup.order.OrderView;
import com.topup.web.ApiException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Plain-language instructions (CONTRACT §1): understand, then confirm. Signed like every merchant request. */
@Path("/api/v1/instructions")
@Produces(MediaType.APPLICATION_JSON)
public class InstructionResource {

    private final MerchantRequests requests;
    private final InstructionService instructions;
    private final InstructionConfirmations confirmations;
    private final ObjectMapper json;

    public InstructionResource(MerchantRequests requests, InstructionService instructions,
                               InstructionConfirmations confirmations, ObjectMapper json) {
        this.requests = requests;
        this.instructions = instructions;
        this.confirmations = confirmations;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public InstructionView understand(@Context HttpServerRequest http, byte[] body) {
        AuthenticatedMerchant merchant = requests.authenticate(http, body);
        return instructions.understand(merchant, InstructionRequestParser.instruction(parse(body)));
    }

    @POST
    @Path("/{confirmation}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response confirm(@Context HttpServerRequest http, @PathParam("confirmation") String confirmation, byte[] body) {
        AuthenticatedMerchant merchant = requests.authenticate(http, body);
        String prefix = InstructionRequestParser.merchantOrderIdPrefix(parse(body));
        InstructionConfirmations.Confirmed confirmed = confirmations.confirm(merchant, confirmation, prefix);
        Map<String, List<OrderView>> entity = Map.of("orders", confirmed.orders());
        return Response.status(confirmed.created() ? 201 : 200).entity(entity).build();
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ApiException(400, "INVALID_REQUEST", "Request body is empty");
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ApiException(400, "INVALID_REQUEST", "Request body is empty");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiException(400, "INVALID_REQUEST", "Malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(400, "INVALID_REQUEST", "Unreadable body");
        }
    }
}
