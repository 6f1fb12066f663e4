package news.herald.config;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import io.r2dbc.spi.ConnectionFactory;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL when {@link DatabaseEnvironment} chose it, before Flyway
 * and R2DBC connect, and stops it after they are closed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(DatabaseEnvironment.EMBEDDED_ACTIVE)
class EmbeddedPostgresConfiguration {

	static final String BEAN_NAME = "embeddedDatabase";

	@Bean(name = BEAN_NAME, destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
		EmbeddedDatabase database = new EmbeddedDatabase(properties.embedded().dataDirPath(),
				properties.embedded().port());
		database.start();
		return database;
	}

	@Bean
	static BeanFactoryPostProcessor embeddedDatabaseFirst() {
		return (beanFactory) -> {
			for (String name : databaseUsers(beanFactory)) {
				BeanDefinition definition = beanFactory.getBeanDefinition(name);
				Set<String> dependsOn = new LinkedHashSet<>();
				if (definition.getDependsOn() != null) {
					dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
				}
				dependsOn.add(BEAN_NAME);
				definition.setDependsOn(dependsOn.toArray(String[]::new));
			}
		};
	}

	private static Set<String> databaseUsers(ConfigurableListableBeanFactory beanFactory) {
		Set<String> names = new LinkedHashSet<>();
		names.addAll(Arrays.asList(beanFactory.getBeanNamesForType(ConnectionFactory.class, true, false)));
		names.addAll(Arrays.asList(beanFactory.getBeanNamesForType(Flyway.class, true, false)));
		names.addAll(Arrays.asList(beanFactory.getBeanNamesForType(FlywayMigrationInitializer.class, true, false)));
		return names;
	}

}
