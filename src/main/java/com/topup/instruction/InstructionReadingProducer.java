package com.topup.instruction;

import com.topup.carrier.CarrierService;
import com.topup.carrier.ProductCatalogue;
import com.topup.instruction.model.ChatModelInterpreter;
import com.topup.instruction.model.ModelAssistedInterpreter;
import com.topup.instruction.model.ModelSettings;
import com.topup.instruction.reading.DeterministicInterpreter;
import com.topup.instruction.reading.InstructionInterpreter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The interpreter and the pricer of the application: the rule-based interpreter, with the language model behind it
 * when {@code topup.instruction.model.url} is set; the carrier lookup and the live product catalogue.
 */
public class InstructionReadingProducer {

    private static final Logger LOG = Logger.getLogger(InstructionReadingProducer.class);

    @Produces
    @Singleton
    InstructionInterpreter interpreter(InstructionConfig config, MeterRegistry metrics) {
        DeterministicInterpreter rules = new DeterministicInterpreter();
        Optional<ModelSettings> settings = settings(config.model());
        if (settings.isEmpty()) {
            return rules;
        }
        LOG.infof("Instructions the rules read nothing from go to the language model %s at %s",
                settings.get().model(), settings.get().url());
        return new ModelAssistedInterpreter(rules, new ChatModelInterpreter(settings.get()),
                outcome -> metrics.counter("topup_instruction_model_total", "outcome", outcome).increment());
    }

    @Produces
    @Singleton
    InstructionPricer pricer(CarrierService carriers, ProductCatalogue catalogue) {
        return new InstructionPricer(carriers::lookup, catalogue::faceValues);
    }

    static Optional<ModelSettings> settings(InstructionConfig.Model model) {
        Optional<String> url = model.url().map(String::strip).filter(u -> !u.isEmpty());
        if (url.isEmpty()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(url.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("topup.instruction.model.url is not a URL: " + url.get(), e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalStateException("topup.instruction.model.url must be an http(s) URL: " + url.get());
        }
        String name = model.model().map(String::strip).filter(m -> !m.isEmpty()).orElseThrow(() ->
                new IllegalStateException("topup.instruction.model.model must name the model served at " + uri));
        if (model.timeout().isNegative() || model.timeout().isZero()) {
            throw new IllegalStateException("topup.instruction.model.timeout must be positive");
        }
        return Optional.of(new ModelSettings(uri, name, model.key().filter(k -> !k.isBlank()), model.timeout(),
                model.jsonSchema()));
    }
}
