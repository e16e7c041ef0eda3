package com.example.hublinks.ops;

import com.example.hublinks.support.SettingsException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * DESIGN §5: secrets come from the environment (or a file), never from the command line, where
 * {@code ps}, shell history and crontabs show them, nor from a job definition, which is committed
 * to git. Spring reads a setting from anywhere, so without this check {@code --EDUME_SIGNING_SECRET=…}
 * after the job definition, or a top-level {@code EDUME_SIGNING_SECRET:} in it, signed the night's
 * links. Checked once the settings are read and before anything starts (no database is opened):
 * a secret found in any other place stops the command with exit 2, naming the place, never the value.
 * <p>
 * The secrets: the variables hublinks reads them from ({@code EDUME_SIGNING_SECRET},
 * {@code EDUME_API_KEY}, {@code EDUME_WEBHOOK_SECRET}, {@code EDUME_WEBHOOK_TOKEN}, or whatever
 * variable a {@code hublinks.…-env} setting names instead, such as the roster database's
 * {@code password-env}), and Spring's own passwords ({@code spring.datasource.password},
 * {@code spring.mail.password}…; from the environment as {@code SPRING_DATASOURCE_PASSWORD}…).
 */
public final class SecretPlaces {

    static final List<String> DEFAULT_VARIABLES = List.of("EDUME_SIGNING_SECRET", "EDUME_API_KEY",
            "EDUME_WEBHOOK_SECRET", "EDUME_WEBHOOK_TOKEN");

    private SecretPlaces() {
    }

    /** Throws a {@link SettingsException} for the first secret set elsewhere than in the environment. */
    public static void refuseMisplaced(ConfigurableEnvironment environment, Path jobDefinition) {
        Set<String> variables = secretVariables(environment);
        String signing = normalized(environment.getProperty("hublinks.links.secret-env", "EDUME_SIGNING_SECRET"));
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)
                    || source instanceof SystemEnvironmentPropertySource) {
                continue; // the environment is where secrets belong
            }
            for (String name : enumerable.getPropertyNames()) {
                boolean variable = variables.contains(normalized(name));
                Object value = source.getProperty(name);
                if ((variable || isSpringPassword(name)) && value != null && !value.toString().isBlank()) {
                    String instead = "the environment variable " + (variable ? name : environmentName(name))
                            + (normalized(name).equals(signing) ? " or hublinks.links.secret-file" : "");
                    throw new SettingsException(name, "refused: a secret " + where(source, name, jobDefinition)
                            + "; secrets come from the environment only, never from the command line or a job"
                            + " definition: use " + instead + ", and change the secret if it was shared");
                }
            }
        }
    }

    /** Normalised names of the variables that hold secrets: the defaults and those the {@code *-env} settings name. */
    static Set<String> secretVariables(ConfigurableEnvironment environment) {
        Set<String> variables = new LinkedHashSet<>();
        DEFAULT_VARIABLES.forEach(name -> variables.add(normalized(name)));
        ConfigurationPropertyName hublinks = ConfigurationPropertyName.of("hublinks");
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource names) {
                names.stream().filter(hublinks::isAncestorOf)
                        .filter(name -> name.getLastElement(ConfigurationPropertyName.Form.DASHED).endsWith("-env"))
                        .map(source::getConfigurationProperty)
                        .filter(property -> property != null && property.getValue() != null)
                        .forEach(property -> variables.add(normalized(
                                environment.resolvePlaceholders(property.getValue().toString()))));
            }
        }
        return variables;
    }

    private static boolean isSpringPassword(String name) {
        String key = normalized(name);
        return key.startsWith("spring") && key.endsWith("password");
    }

    /** Case, dots, dashes and underscores aside: {@code EDUME_API_KEY} and {@code edume.api-key} are one name. */
    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
    }

    private static String where(PropertySource<?> source, String name, Path jobDefinition) {
        if (source instanceof CommandLinePropertySource<?>) {
            return "on the command line (--" + name + "=…)";
        }
        if (StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME.equals(source.getName())) {
            return "in a Java system property (-D" + name + "=…)";
        }
        Origin origin = source instanceof OriginLookup<?> ? OriginLookup.getOrigin(source, name) : null;
        if (origin instanceof TextResourceOrigin text && text.getResource() != null) {
            String file;
            try {
                file = text.getResource().getFile().getPath();
            } catch (IOException notAFile) {
                file = text.getResource().getDescription();
            }
            String line = text.getLocation() == null ? "" : " line " + (text.getLocation().getLine() + 1);
            return (Path.of(file).toAbsolutePath().equals(jobDefinition) ? "in the job definition " : "in ") + file + line;
        }
        return "in " + source.getName();
    }
}
