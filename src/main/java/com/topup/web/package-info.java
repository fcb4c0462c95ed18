/**
 * The OpenAPI document's shared parts (SmallRye reads {@code @OpenAPIDefinition} from a package-info): the merchant
 * signature headers as security schemes (all four together sign a request, CONTRACT §1) and the contract's error
 * answers, which the merchant operations refer to by name ({@link com.topup.web.OpenApiNames}).
 */
@OpenAPIDefinition(
        info = @Info(title = "TopUp Back Office API", version = "1",
                description = "Merchant API (/api/v1, HMAC-signed requests) and staff API (/admin/api, Keycloak bearer tokens).",
                license = @License(name = "Proprietary", identifier = "LicenseRef-Proprietary")),
        components = @Components(
                securitySchemes = {
                        @SecurityScheme(securitySchemeName = OpenApiNames.MERCHANT_ID, type = SecuritySchemeType.APIKEY,
                                in = SecuritySchemeIn.HEADER, apiKeyName = "X-Merchant-Id",
                                description = "The merchant code, e.g. demo-merchant."),
                        @SecurityScheme(securitySchemeName = OpenApiNames.TIMESTAMP, type = SecuritySchemeType.APIKEY,
                                in = SecuritySchemeIn.HEADER, apiKeyName = "X-Timestamp",
                                description = "Unix epoch milliseconds, within 300 s of server time."),
                        @SecurityScheme(securitySchemeName = OpenApiNames.NONCE, type = SecuritySchemeType.APIKEY,
                                in = SecuritySchemeIn.HEADER, apiKeyName = "X-Nonce",
                                description = "16 to 64 characters of [A-Za-z0-9_-], never repeated within 10 minutes."),
                        @SecurityScheme(securitySchemeName = OpenApiNames.SIGNATURE, type = SecuritySchemeType.APIKEY,
                                in = SecuritySchemeIn.HEADER, apiKeyName = "X-Signature",
                                description = "Lowercase hex HMAC-SHA256 with the merchant secret of the lines METHOD, "
                                        + "PATH?QUERY, X-Timestamp, X-Nonce and the hex SHA-256 of the raw body, joined by \\n."),
                },
                responses = {
                        @APIResponse(name = OpenApiNames.INVALID_REQUEST, description = "INVALID_REQUEST: malformed JSON, "
                                + "missing, unknown or too long fields.", content = @Content(mediaType = "application/json",
                                schema = @Schema(implementation = ErrorBody.class))),
                        @APIResponse(name = OpenApiNames.MERCHANT_UNAUTHORIZED, description = "UNKNOWN_MERCHANT, "
                                + "BAD_SIGNATURE, STALE_TIMESTAMP, REPLAYED_NONCE or MISSING_AUTH_HEADER.",
                                content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class))),
                        @APIResponse(name = OpenApiNames.MERCHANT_FORBIDDEN, description = "MERCHANT_DISABLED, or "
                                + "IP_NOT_ALLOWED when the merchant has an IP allow-list and the caller is not on it.",
                                content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class))),
                        @APIResponse(name = OpenApiNames.RATE_LIMITED, description = "RATE_LIMITED: more requests per "
                                + "second than the merchant's limit (over all instances).",
                                headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again.",
                                        schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER)),
                                content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class))),
                        @APIResponse(name = OpenApiNames.INSUFFICIENT_BALANCE, description = "INSUFFICIENT_BALANCE: the "
                                + "merchant's balance does not cover the price.", content = @Content(mediaType = "application/json",
                                schema = @Schema(implementation = ErrorBody.class))),
                        @APIResponse(name = OpenApiNames.ORDER_NOT_FOUND, description = "ORDER_NOT_FOUND (also for "
                                + "another merchant's order).", content = @Content(mediaType = "application/json",
                                schema = @Schema(implementation = ErrorBody.class))),
                        @APIResponse(name = OpenApiNames.DUPLICATE_ORDER, description = "DUPLICATE_MERCHANT_ORDER_ID: "
                                + "the same merchantOrderId with different fields.", content = @Content(mediaType = "application/json",
                                schema = @Schema(implementation = ErrorBody.class))),
                        @APIResponse(name = OpenApiNames.UNPROCESSABLE_ORDER, description = "INVALID_PHONE, "
                                + "UNSUPPORTED_CARRIER, UNSUPPORTED_FACE_VALUE or INVALID_NOTIFY_URL.",
                                content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class))),
                        @APIResponse(name = OpenApiNames.INVALID_PHONE, description = "INVALID_PHONE: not a mobile "
                                + "number this platform serves.", content = @Content(mediaType = "application/json",
                                schema = @Schema(implementation = ErrorBody.class))),
                }))
package com.topup.web;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
