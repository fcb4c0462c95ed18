package com.topup.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.devenv.LocalDirs;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document merchants generate clients from: written to target/openapi/openapi.json and linted with
 * Redocly's recommended rules (redocly.yaml), which must find no error and no warning.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final String REDOCLY = "@redocly/cli@2.77.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDocumentDeclaresTheMerchantSignatureOnEveryMerchantOperation() throws IOException {
        JsonNode document = JSON.readTree(document());
        JsonNode schemes = document.path("components").path("securitySchemes");
        for (String header : List.of("X-Merchant-Id", "X-Timestamp", "X-Nonce", "X-Signature")) {
            assertTrue(findScheme(schemes, header), "no apiKey scheme for " + header);
        }
        List<String> unsigned = new ArrayList<>();
        document.path("paths").properties().forEach(path -> {
            if (path.getKey().startsWith("/api/v1/")) {
                path.getValue().properties().forEach(op -> {
                    if (op.getValue().path("security").size() != 1 || op.getValue().path("security").get(0).size() != 4) {
                        unsigned.add(op.getKey() + " " + path.getKey());
                    }
                    if (!op.getValue().path("responses").has("429")) {
                        unsigned.add(op.getKey() + " " + path.getKey() + " without 429");
                    }
                });
            } else if (path.getKey().startsWith("/admin/api/")) {
                path.getValue().properties().forEach(op -> op.getValue().path("security").forEach(requirement ->
                        requirement.fieldNames().forEachRemaining(scheme -> {
                            if (!"openIdConnect".equals(schemes.path(scheme).path("type").asText())) {
                                unsigned.add(op.getKey() + " " + path.getKey() + " on scheme " + scheme);
                            }
                        })));
            }
        });
        assertTrue(unsigned.isEmpty(), "operations not on their scheme (merchants: the four signature headers, staff: the bearer token): " + unsigned);
        assertEquals("TopUp Back Office API", document.path("info").path("title").asText());
        assertFalse(document.path("servers").isEmpty(), "servers");
    }

    @Test
    void redoclyFindsNoProblem() throws Exception {
        Path file = LocalDirs.projectRoot().resolve("target/openapi/openapi.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, withoutTestEndpoints(document()), StandardCharsets.UTF_8);
        Process lint = new ProcessBuilder("npx", "--yes", REDOCLY, "lint", file.toString(), "--format=json",
                "--config=" + LocalDirs.projectRoot().resolve("redocly.yaml"))
                .directory(LocalDirs.projectRoot().toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] out = lint.getInputStream().readAllBytes();
        assertTrue(lint.waitFor(5, TimeUnit.MINUTES), "redocly did not finish");
        String report = new String(out, StandardCharsets.UTF_8);
        Files.writeString(file.resolveSibling("lint.json"), report, StandardCharsets.UTF_8);
        JsonNode result = JSON.readTree(report.substring(report.indexOf('{')));
        List<String> problems = new ArrayList<>();
        result.path("problems").forEach(p -> problems.add(p.path("severity").asText() + " " + p.path("ruleId").asText()
                + " " + p.path("location").path(0).path("pointer").asText() + ": " + p.path("message").asText()));
        assertEquals(0, result.path("totals").path("errors").asInt(), String.join("\n", problems));
        assertEquals(0, result.path("totals").path("warnings").asInt(), String.join("\n", problems));
        assertEquals(0, lint.exitValue(), report);
    }

    private static String document() {
        return given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString();
    }

    /** The test build serves a few endpoints of its own (/test…: a merchant's callback inbox, a supplier's capture). */
    private static String withoutTestEndpoints(String document) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(document);
        com.fasterxml.jackson.databind.node.ObjectNode paths = (com.fasterxml.jackson.databind.node.ObjectNode) root.path("paths");
        List<String> testOnly = new ArrayList<>();
        paths.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("/test")) {
                testOnly.add(name);
            }
        });
        paths.remove(testOnly);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static boolean findScheme(JsonNode schemes, String header) {
        for (JsonNode scheme : schemes) {
            if ("apiKey".equals(scheme.path("type").asText()) && "header".equals(scheme.path("in").asText())
                    && header.equals(scheme.path("name").asText())) {
                return true;
            }
        }
        return false;
    }
}
