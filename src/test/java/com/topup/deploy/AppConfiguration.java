package com.topup.deploy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What the app needs configured in production, read from the app itself: application.properties (the values the prod
 * profile sees) and every {@code @ConfigMapping} interface of the compiled classes.
 */
final class AppConfiguration {

    private static final Path PROPERTIES = Path.of("src", "main", "resources", "application.properties");
    private static final Path CLASSES = Path.of("target", "classes");

    /**
     * Settings the extensions the app uses cannot start without and application.properties does not give: the
     * PostgreSQL connection (db-kind is fixed at build time; URL and credentials are the deployment's).
     */
    static final Set<String> EXTENSION_REQUIRED = Set.of(
            "quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password");

    private final Map<String, String> prod;

    private AppConfiguration(Map<String, String> prod) {
        this.prod = prod;
    }

    static AppConfiguration load() {
        Properties raw = new Properties();
        try (InputStream in = Files.newInputStream(PROPERTIES)) {
            raw.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> prod = new TreeMap<>();
        raw.stringPropertyNames().stream().filter(k -> !k.startsWith("%")).forEach(k -> prod.put(k, raw.getProperty(k)));
        raw.stringPropertyNames().stream().filter(k -> k.startsWith("%prod."))
                .forEach(k -> prod.put(k.substring("%prod.".length()), raw.getProperty(k)));
        return new AppConfiguration(prod);
    }

    /** The value the prod profile gets from application.properties, or the given default. */
    String prod(String key, String otherwise) {
        return prod.getOrDefault(key, otherwise);
    }

    /** The prod profile's keys that end with the given text (e.g. every channel's {@code .topic}). */
    java.util.List<String> keysEndingWith(String suffix) {
        return prod.keySet().stream().filter(k -> k.endsWith(suffix)).toList();
    }

    /**
     * Every key the app cannot start without in production: mapping keys without a default, a value in the prod
     * profile or an Optional type; the extensions' own (the database); and every setting whose value in
     * application.properties points at this machine (loopback: fine for a local run, wrong in a pod).
     */
    Set<String> requiredInProduction() {
        Set<String> required = new TreeSet<>(EXTENSION_REQUIRED);
        for (Class<?> mapping : configMappings()) {
            String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
            collectRequired(mapping, prefix, required);
        }
        required.removeIf(key -> prod.containsKey(key) && !pointsAtLoopback(prod.get(key)));
        prod.forEach((key, value) -> {
            if (pointsAtLoopback(value)) {
                required.add(key);
            }
        });
        return required;
    }

    private static boolean pointsAtLoopback(String value) {
        return value.contains("127.0.0.1") || value.contains("localhost");
    }

    private static void collectRequired(Class<?> group, String prefix, Set<String> required) {
        for (Method method : group.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0
                    || method.isAnnotationPresent(WithDefault.class)) {
                continue;
            }
            String key = method.isAnnotationPresent(WithParentName.class) ? prefix
                    : prefix + "." + (method.isAnnotationPresent(WithName.class)
                    ? method.getAnnotation(WithName.class).value() : kebab(method.getName()));
            Class<?> type = method.getReturnType();
            if (type == Optional.class || type == OptionalInt.class || type == OptionalLong.class
                    || type == OptionalDouble.class) {
                continue;
            }
            if (type.isInterface() && type.getName().startsWith("com.topup.")) {
                collectRequired(type, key, required);
            } else {
                required.add(key);
            }
        }
    }

    /** SmallRye's default naming: {@code secretKey} is {@code secret-key}. */
    static String kebab(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** SmallRye's environment variable for a key: upper case, every character but letters and digits an underscore. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Every {@code @ConfigMapping} interface among the compiled classes of the app. */
    static Set<Class<?>> configMappings() {
        Set<Class<?>> mappings = new java.util.LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file).toString().replace('/', '.').replace(".class", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, AppConfiguration.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError notLoadable) {
                    continue;
                }
                if (type.isInterface() && type.isAnnotationPresent(ConfigMapping.class)) {
                    mappings.add(type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (mappings.isEmpty()) {
            throw new AssertionError("no @ConfigMapping found under " + CLASSES + ": are the classes compiled?");
        }
        return mappings;
    }
}
