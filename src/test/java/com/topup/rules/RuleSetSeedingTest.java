package com.topup.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Seeding on a database that already has rule versions keeps them and the live version. */
@QuarkusTest
class RuleSetSeedingTest {

    @Inject
    RuleSetStore store;

    @Test
    void aSeedTheDatabaseHasAlreadyChangesNothing() {
        SeedRules seed = SeedRules.of("routing").orElseThrow();
        int active = store.active("routing").orElseThrow().version;
        long versions = versions();

        assertEquals(RuleSetStore.Seeding.UNCHANGED, store.seed(seed));
        assertEquals(versions, versions());
        assertEquals(active, store.active("routing").orElseThrow().version);
    }

    @Test
    void aNewerSeedIsOnlySubmittedForApprovalNeverMadeLive() {
        SeedRules seed = SeedRules.of("fallback").orElseThrow();
        SeedRules newer = new SeedRules("fallback", seed.earlier(), seed.current() + "\n// a later seed\n");
        int active = store.active("fallback").orElseThrow().version;
        long versions = versions();

        assertEquals(RuleSetStore.Seeding.PROPOSED, store.seed(newer));
        assertEquals(active, store.active("fallback").orElseThrow().version, "the live version stays");
        assertEquals(versions + 1, versions());
        RuleSetVersion proposal = store.version("fallback", latest("fallback"));
        assertEquals(RuleSetStatus.SUBMITTED, proposal.status);
        assertEquals("system", proposal.author);
        assertEquals(active, proposal.baseVersion);
        assertEquals(RuleSetStore.Seeding.UNCHANGED, store.seed(newer), "proposed once, not at every start");
        store.reject("fallback", proposal.version, "approver", "seeding test");
    }

    private long versions() {
        return store.versions("routing").size() + store.versions("fallback").size() + store.versions("repair").size();
    }

    private int latest(String ruleSet) {
        return store.versions(ruleSet).get(0).version;
    }
}
