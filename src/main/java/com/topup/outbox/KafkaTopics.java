package com.topup.outbox;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the product's topics when they are missing, before consumers subscribe: a consumer that subscribes to
 * a topic that does not exist yet only notices it at its next metadata refresh (minutes) and would miss the
 * first broadcasts. Runs in the background so a broker that is down does not hold up the start.
 */
@Singleton
public class KafkaTopics {

    private static final Logger LOG = Logger.getLogger(KafkaTopics.class);

    @ConfigMapping(prefix = "topup.kafka")
    public interface TopicsConfig {
        /** Create missing topics at start (off where topics are provisioned separately). */
        @WithDefault("true")
        boolean createTopics();

        /** Partitions of the work and event topics. */
        @WithDefault("8")
        int partitions();

        /** Replication factor of created topics (3 on a production cluster). */
        @WithDefault("1")
        short replicationFactor();
    }

    private final TopicsConfig config;
    private final String bootstrapServers;

    public KafkaTopics(TopicsConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    void create(@Observes StartupEvent event) {
        if (!config.createTopics()) {
            return;
        }
        List<NewTopic> topics = List.of(
                new NewTopic("topup.dispatch", config.partitions(), config.replicationFactor()),
                new NewTopic("topup.order-events", config.partitions(), config.replicationFactor()),
                new NewTopic("topup.rules-changed", 1, config.replicationFactor()));
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                LOG.infof("Created Kafka topics %s", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                LOG.warnf("Could not create Kafka topics (they are created on first use instead): %s", e.getMessage());
            }
        } catch (Exception e) {
            LOG.warnf("Could not create Kafka topics (they are created on first use instead): %s", e.getMessage());
        }
    }
}
