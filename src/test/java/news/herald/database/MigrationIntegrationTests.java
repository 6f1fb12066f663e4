package news.herald.database;

import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every test context starts from an empty database, so this checks the migrations apply
 * to one. A slice: the embedded PostgreSQL, Flyway and R2DBC, none of the web or the
 * newsroom's beans.
 */
@SpringBootTest(classes = MigrationIntegrationTests.Database.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class MigrationIntegrationTests {

	/**
	 * Not a {@code @Configuration}: the application's component scan must not find it.
	 */
	@EnableConfigurationProperties(DatabaseProperties.class)
	@Import(EmbeddedPostgresConfiguration.class)
	@ImportAutoConfiguration({ R2dbcAutoConfiguration.class, FlywayAutoConfiguration.class })
	static class Database {

		@Bean
		DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
			return DatabaseClient.create(connectionFactory);
		}

	}

	@Autowired
	DatabaseClient db;

	@Test
	void migrationsApplyToAnEmptyDatabase() {
		this.db.sql("select success from flyway_schema_history where version is not null")
			.map((row) -> row.get("success", Boolean.class))
			.all()
			.collectList()
			.as(StepVerifier::create)
			.assertNext((applied) -> assertThat(applied).isNotEmpty().containsOnly(true))
			.verifyComplete();
		this.db.sql("""
				select table_name from information_schema.tables
				where table_schema = 'public' and table_name in ('sections', 'articles', 'article_events')
				""")
			.map((row) -> row.get("table_name", String.class))
			.all()
			.collectList()
			.as(StepVerifier::create)
			.assertNext(
					(tables) -> assertThat(tables).containsExactlyInAnyOrder("sections", "articles", "article_events"))
			.verifyComplete();
	}

	@Test
	void sectionsAreSeededWithTheirParents() {
		this.db.sql("select slug from sections where parent = 'world' order by position")
			.map((row) -> row.get("slug", String.class))
			.all()
			.as(StepVerifier::create)
			.expectNext("russia", "middle-east", "europe", "americas")
			.verifyComplete();
	}

}
