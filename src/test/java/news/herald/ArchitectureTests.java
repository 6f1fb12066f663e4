package news.herald;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebFilter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the house, checked on every build: packages by feature, arrows pointing
 * down only, and no feature reaching into another one's entry points or settings.
 * docs/ARCHITECTURE.md explains the layers this test enforces.
 */
class ArchitectureTests {

	private static final String[] FOUNDATION = { "news.herald.http..", "news.herald.safety..", "news.herald.database..",
			"news.herald.system.." };

	private static final String[] FEATURES = { "news.herald.article..", "news.herald.section..", "news.herald.event..",
			"news.herald.feed..", "news.herald.stream..", "news.herald.ticker..", "news.herald.security..",
			"news.herald.audience..", "news.herald.websub..", "news.herald.push.." };

	private static final JavaClasses HERALD = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("news.herald");

	@Test
	void noCycleBetweenPackages() {
		slices().matching("news.herald.(*)..").should().beFreeOfCycles().check(HERALD);
	}

	@Test
	void arrowsPointDownOnly() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("Hub")
			.definedBy("news.herald.websub..")
			.layer("Ticker")
			.definedBy("news.herald.ticker..")
			.layer("Audience")
			.definedBy("news.herald.audience..")
			.layer("Delivery")
			.definedBy("news.herald.feed..", "news.herald.stream..")
			.layer("Article")
			.definedBy("news.herald.article..")
			.layer("Newsroom")
			.definedBy("news.herald.event..", "news.herald.section..", "news.herald.security..")
			.layer("Push")
			.definedBy("news.herald.push..")
			.layer("Foundation")
			.definedBy(FOUNDATION)
			.whereLayer("Hub")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Ticker")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Audience")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Delivery")
			.mayOnlyBeAccessedByLayers("Hub", "Ticker", "Audience")
			.whereLayer("Article")
			.mayOnlyBeAccessedByLayers("Hub", "Ticker", "Delivery")
			.whereLayer("Newsroom")
			.mayOnlyBeAccessedByLayers("Hub", "Ticker", "Audience", "Delivery", "Article")
			.whereLayer("Push")
			.mayOnlyBeAccessedByLayers("Hub")
			.check(HERALD);
	}

	@Test
	void foundationUsesNoFeature() {
		noClasses().that()
			.resideInAnyPackage(FOUNDATION)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(FEATURES)
			.check(HERALD);
	}

	@Test
	void noFeatureReachesIntoAnotherFeaturesEntryPointsOrSettings() {
		classes().should(onlyBeUsedInTheirOwnPackageWhen(internal())).check(HERALD);
	}

	@Test
	void eachSettingsRecordBindsAPrefixOfItsOwn() {
		Map<String, List<String>> byPrefix = new LinkedHashMap<>();
		for (JavaClass type : HERALD) {
			if (type.isAnnotatedWith(ConfigurationProperties.class)) {
				ConfigurationProperties binding = type.getAnnotationOfType(ConfigurationProperties.class);
				String prefix = binding.value().isEmpty() ? binding.prefix() : binding.value();
				byPrefix.computeIfAbsent(prefix, (key) -> new ArrayList<>()).add(type.getName());
			}
		}
		assertThat(byPrefix).as("settings records by prefix").isNotEmpty();
		byPrefix.forEach((prefix, records) -> assertThat(records).as("records bound to " + prefix).hasSize(1));
		assertThat(byPrefix).as("no record binds the bare herald prefix").doesNotContainKey("herald");
	}

	/**
	 * Controllers, configurations, web filters and settings records are a feature's own.
	 */
	private static DescribedPredicate<JavaClass> internal() {
		return DescribedPredicate.describe("a controller, configuration, web filter or settings record",
				(type) -> type.isAnnotatedWith(RestController.class) || type.isAnnotatedWith(Controller.class)
						|| type.isAnnotatedWith(Configuration.class)
						|| type.isAnnotatedWith(ConfigurationProperties.class) || type.isAssignableTo(WebFilter.class));
	}

	private static ArchCondition<JavaClass> onlyBeUsedInTheirOwnPackageWhen(DescribedPredicate<JavaClass> internal) {
		return new ArchCondition<>("be used only in their own package when they are " + internal.getDescription()) {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				if (!internal.test(type)) {
					return;
				}
				type.getDirectDependenciesToSelf()
					.stream()
					.filter((dependency) -> !dependency.getOriginClass().getPackageName().equals(type.getPackageName()))
					.filter((dependency) -> dependency.getOriginClass().getPackageName().startsWith("news.herald"))
					.forEach((dependency) -> events.add(SimpleConditionEvent.violated(dependency,
							dependency.getDescription() + " reaches into " + type.getPackageName())));
			}
		};
	}

}
