package com.topup.rules;

import com.topup.rules.model.AnomalyFact;
import com.topup.rules.model.AnomalyKind;
import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.FailureFact;
import com.topup.rules.model.FallbackAction;
import com.topup.rules.model.FallbackDecision;
import com.topup.rules.model.OrderFact;
import com.topup.rules.model.RepairAction;
import com.topup.rules.model.RepairDecision;
import com.topup.rules.model.RouteCandidate;
import com.topup.rules.model.RouteDecision;
import com.topup.rules.model.RuleRandom;
import com.topup.rules.sandbox.DrlSandbox;
import com.topup.rules.sandbox.vocab.Vocabulary;
import java.util.List;
import java.util.Map;

/** What rules may name: the fact model, the decision objects and the globals the engine provides, per rule set. */
public final class RuleVocabulary {

    public static final String MODEL_PACKAGE = "com.topup.rules.model";

    /** Every class of the fact model rules see (facts, decisions, their values and enums). */
    static final List<Class<?>> MODEL = List.of(OrderFact.class, ChannelFact.class, FailureFact.class, AnomalyFact.class,
            RouteDecision.class, RouteCandidate.class, RuleRandom.class, FallbackDecision.class, RepairDecision.class,
            AnomalyKind.class, FallbackAction.class, RepairAction.class);

    private static final Map<String, Map<String, Class<?>>> GLOBALS = Map.of(
            RuleSets.ROUTING, Map.of("decision", RouteDecision.class, "random", RuleRandom.class),
            RuleSets.FALLBACK, Map.of("decision", FallbackDecision.class),
            RuleSets.REPAIR, Map.of("decision", RepairDecision.class));

    private static final Map<String, DrlSandbox> SANDBOXES = Map.of(
            RuleSets.ROUTING, new DrlSandbox(vocabulary(RuleSets.ROUTING)),
            RuleSets.FALLBACK, new DrlSandbox(vocabulary(RuleSets.FALLBACK)),
            RuleSets.REPAIR, new DrlSandbox(vocabulary(RuleSets.REPAIR)));

    private RuleVocabulary() {
    }

    /** The package a rule set's DRL must declare, e.g. {@code com.topup.rules.routing}. */
    public static String packageOf(String ruleSet) {
        return "com.topup.rules." + ruleSet;
    }

    /** The sandbox of one rule set. */
    public static DrlSandbox sandbox(String ruleSet) {
        DrlSandbox sandbox = SANDBOXES.get(ruleSet);
        if (sandbox == null) {
            throw new IllegalArgumentException("unknown rule set " + ruleSet);
        }
        return sandbox;
    }

    static Vocabulary vocabulary(String ruleSet) {
        Vocabulary.Builder b = Vocabulary.builder(packageOf(ruleSet));
        MODEL.forEach(b::model);
        b.manyFacts(ChannelFact.class);
        if (RuleSets.ROUTING.equals(ruleSet)) {
            b.joinedByEveryRule(OrderFact.class);
        }
        GLOBALS.get(ruleSet).forEach(b::global);
        return b.build();
    }
}
