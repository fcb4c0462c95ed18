package com.topup.web;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Renders refusals, JAX-RS errors, security refusals and anything unexpected in the contract's error shape. */
public class ApiExceptionMapper {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ApiExceptionMapper.class);

    private final MeterRegistry metrics;

    public ApiExceptionMapper(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        metrics.counter("topup_api_refusals_total", "code", e.code()).increment();
        Response response = ErrorResponses.of(e.status(), new ErrorBody(e.code(), e.getMessage(), e.details()));
        if (e.headers().isEmpty()) {
            return response;
        }
        Response.ResponseBuilder withHeaders = Response.fromResponse(response);
        e.headers().forEach(withHeaders::header);
        return withHeaders.build();
    }

    @ServerExceptionMapper
    public Response webApplicationException(jakarta.ws.rs.WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        return ErrorResponses.of(status, ErrorResponses.codeFor(status), messageFor(status, e));
    }

    /** A body that does not read as the endpoint's JSON (Quarkus' own mapper would answer 400 without a body). */
    @ServerExceptionMapper
    public Response mismatchedBody(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return unreadableBody(e);
    }

    @ServerExceptionMapper
    public Response unreadableBody(com.fasterxml.jackson.core.JsonProcessingException e) {
        metrics.counter("topup_api_refusals_total", "code", "INVALID_REQUEST").increment();
        return ErrorResponses.of(400, "INVALID_REQUEST", "The body is not the expected JSON: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response unauthorized(io.quarkus.security.UnauthorizedException e) {
        return ErrorResponses.of(401, "UNAUTHORIZED", "A valid bearer token is required");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(io.quarkus.security.AuthenticationFailedException e) {
        return ErrorResponses.of(401, "UNAUTHORIZED", "A valid bearer token is required");
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return ErrorResponses.of(403, "FORBIDDEN", "Your role does not allow this action");
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("Unexpected failure", e);
        return ErrorResponses.of(500, "INTERNAL_ERROR", "Internal error");
    }

    private static String messageFor(int status, jakarta.ws.rs.WebApplicationException e) {
        return switch (status) {
            case 404 -> "No such resource";
            case 405 -> "Method not allowed on this resource";
            case 406 -> "Only application/json responses are available";
            case 413 -> "Request body too large";
            case 415 -> "Content-Type must be application/json";
            default -> e.getMessage() == null ? "Request refused" : e.getMessage();
        };
    }
}
