package com.topup.sim;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.topup.channel.adapter.FormMd5Adapter;
import com.topup.channel.adapter.JsonHmacAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads simulator profiles strictly (unknown fields are errors, so a typo never silently means a default):
 * {@code {"suppliers": [{"code", "name", "protocol", "secret", "behaviour": {...}}]}}, behaviour as
 * {@link SupplierBehaviour}.
 */
public final class SimProfiles {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> PROTOCOLS = Set.of(JsonHmacAdapter.PROTOCOL, FormMd5Adapter.PROTOCOL);

    private SimProfiles() {
    }

    record ProfileFile(List<SimSupplierProfile> suppliers) {
    }

    public static List<SimSupplierProfile> loadResource(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidSimProfile(List.of("no class-path resource " + resource));
            }
            return parseSuppliers(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<SimSupplierProfile> parseSuppliers(byte[] json) {
        ProfileFile file;
        try {
            file = STRICT.readValue(json, ProfileFile.class);
        } catch (IOException e) {
            throw new InvalidSimProfile(List.of("unreadable profile: " + firstLine(e)));
        }
        List<String> problems = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        if (file == null || file.suppliers() == null || file.suppliers().isEmpty()) {
            throw new InvalidSimProfile(List.of("suppliers: at least one"));
        }
        for (SimSupplierProfile supplier : file.suppliers()) {
            String code = supplier.code();
            if (code == null || !code.matches("[A-Za-z0-9_-]{1,32}")) {
                problems.add("code " + code + ": 1 to 32 of [A-Za-z0-9_-]");
            } else if (!codes.add(code)) {
                problems.add("code " + code + " twice");
            }
            if (!PROTOCOLS.contains(supplier.protocol())) {
                problems.add(code + ": protocol must be one of " + PROTOCOLS);
            }
            if (supplier.secret() == null || supplier.secret().length() < 8) {
                problems.add(code + ": secret of at least 8 characters");
            }
            if (supplier.behaviour() == null) {
                problems.add(code + ": behaviour missing");
            } else {
                supplier.behaviour().problems().forEach(p -> problems.add(code + ": " + p));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSimProfile(problems);
        }
        return List.copyOf(file.suppliers());
    }

    /** A behaviour as the staff API receives it; @throws InvalidSimProfile with every problem. */
    public static SupplierBehaviour parseBehaviour(String json) {
        SupplierBehaviour behaviour;
        try {
            JsonNode node = STRICT.readTree(json == null ? "" : json);
            if (node == null || !node.isObject()) {
                throw new InvalidSimProfile(List.of("the body must be a JSON object"));
            }
            behaviour = STRICT.treeToValue(node, SupplierBehaviour.class);
        } catch (IOException e) {
            throw new InvalidSimProfile(List.of("unreadable behaviour: " + firstLine(e)));
        }
        List<String> problems = behaviour.problems();
        if (!problems.isEmpty()) {
            throw new InvalidSimProfile(problems);
        }
        return behaviour;
    }

    private static String firstLine(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }
}
