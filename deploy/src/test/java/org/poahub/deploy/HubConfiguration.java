package org.poahub.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The hub's configuration as Spring Boot would see it with a given set of environment variables: its
 * {@code application.yml} (from the hub-service jar) and every {@code @ConfigurationProperties} record of the hub,
 * bound with Spring's own {@link Binder}. It records which environment variables Spring actually used: read through
 * a {@code ${POA_…}} placeholder, or bound (the value's origin is the variable) by relaxed binding to a record
 * component, a list element ({@code poa.security.users[0].name}) or a map entry ({@code poa.kafka.client.*}). That
 * set, not a hand-kept list, is "what the hub binds".
 */
final class HubConfiguration {

    private static final String APPLICATION_YML = "application.yml";
    private static final String HUB_PACKAGE = "org.poahub.hub";

    private HubConfiguration() {
    }

    static InputStream applicationYml() throws IOException {
        return new ClassPathResource(APPLICATION_YML).getInputStream();
    }

    /** What binding the hub's configuration with {@code environment} read and produced. */
    record Bound(Set<String> readVariables, Map<Class<?>, Object> properties) {

        <T> T get(Class<T> type) {
            return type.cast(properties.get(type));
        }
    }

    static Bound bind(Map<String, String> environmentVariables) {
        RecordingEnvironment variables = new RecordingEnvironment(environmentVariables);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
        for (PropertySource<?> yml : applicationYmlSources()) {
            environment.getPropertySources().addLast(yml);
        }
        // Every key of application.yml resolved, as Spring does when the key is used: its placeholders read variables.
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> yml && source != variables) {
                for (String key : yml.getPropertyNames()) {
                    environment.getProperty(key);
                }
            }
        }
        Binder binder = new Binder(ConfigurationPropertySources.from(environment.getPropertySources()),
                new PropertySourcesPlaceholdersResolver(environment), ApplicationConversionService.getSharedInstance());
        Map<Class<?>, Object> properties = new LinkedHashMap<>();
        for (Class<?> type : configurationPropertiesClasses()) {
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            if (prefix.isEmpty()) {
                prefix = type.getAnnotation(ConfigurationProperties.class).prefix();
            }
            properties.put(type, binder.bindOrCreate(prefix, Bindable.of(type), new AbstractBindHandler() {
                @Override
                public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                        Object result) {
                    // A value bound straight from the environment has the variable as its origin.
                    ConfigurationProperty property = context.getConfigurationProperty();
                    if (property != null && property.getOrigin() instanceof PropertySourceOrigin origin
                            && origin.getPropertySource() == variables) {
                        variables.read.add(origin.getPropertyName());
                    }
                    return result;
                }
            }));
        }
        return new Bound(new TreeSet<>(variables.read), properties);
    }

    /** The hub's {@code @ConfigurationProperties} records, found the way {@code @ConfigurationPropertiesScan} does. */
    static List<Class<?>> configurationPropertiesClasses() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Class<?>> types = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(HUB_PACKAGE)) {
            try {
                types.add(Class.forName(candidate.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return types;
    }

    private static List<PropertySource<?>> applicationYmlSources() {
        try {
            return new YamlPropertySourceLoader().load(APPLICATION_YML, new ClassPathResource(APPLICATION_YML));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The process environment Spring would get, remembering which variables were read. The map itself records:
     * Spring reads the environment both through {@link #getProperty} (placeholders) and straight from the source map
     * (relaxed binding of {@code @ConfigurationProperties}).
     */
    private static final class RecordingEnvironment extends SystemEnvironmentPropertySource {

        private final Set<String> read;

        RecordingEnvironment(Map<String, String> variables) {
            this(variables, new TreeSet<>());
        }

        private RecordingEnvironment(Map<String, String> variables, Set<String> read) {
            super(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new RecordingMap(variables, read));
            this.read = read;
        }
    }

    private static final class RecordingMap extends LinkedHashMap<String, Object> {

        private static final long serialVersionUID = 1L;
        private final transient Set<String> read;

        RecordingMap(Map<String, String> variables, Set<String> read) {
            super(variables);
            this.read = read;
        }

        @Override
        public Object get(Object key) {
            Object value = super.get(key);
            if (value != null) {
                read.add((String) key);
            }
            return value;
        }
    }
}
