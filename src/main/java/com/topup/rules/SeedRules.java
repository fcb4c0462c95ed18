package com.topup.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules a rule set starts with, from {@code src/main/resources/rules/}: {@code <set>.drl} is the live one,
 * {@code earlier/<set>-1.drl}, {@code -2} … the versions published before it, kept so a rollback is one click.
 *
 * @param earlier the earlier versions, oldest first
 * @param current the version that is live on a fresh database
 */
public record SeedRules(String ruleSet, List<String> earlier, String current) {

    /** The seed rules of a rule set; empty when it has none. */
    public static Optional<SeedRules> of(String ruleSet) {
        String current = read("/rules/" + ruleSet + ".drl");
        if (current == null) {
            return Optional.empty();
        }
        List<String> earlier = new ArrayList<>();
        for (int n = 1; ; n++) {
            String text = read("/rules/earlier/" + ruleSet + "-" + n + ".drl");
            if (text == null) {
                break;
            }
            earlier.add(text);
        }
        return Optional.of(new SeedRules(ruleSet, List.copyOf(earlier), current));
    }

    private static String read(String resource) {
        try (InputStream in = SeedRules.class.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
