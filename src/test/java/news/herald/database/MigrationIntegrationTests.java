package news.herald.database;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every test context starts from an empty database, so this checks the migrations apply
 * to one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MigrationIntegrationTests {

	@Autowired
	DatabaseClient db;

	@Test
	void migrationsApplyToAnEmptyDatabase() {
		List<Boolean> applied = this.db.sql("select success from flyway_schema_history where version is not null")
			.map((row) -> row.get("success", Boolean.class))
			.all()
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(applied).isNotEmpty().containsOnly(true);
		List<String> tables = this.db.sql("""
				select table_name from information_schema.tables
				where table_schema = 'public' and table_name in ('sections', 'articles', 'article_events')
				""")
			.map((row) -> row.get("table_name", String.class))
			.all()
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(tables).containsExactlyInAnyOrder("sections", "articles", "article_events");
	}

	@Test
	void sectionsAreSeededWithTheirParents() {
		List<String> children = this.db.sql("select slug from sections where parent = 'world' order by position")
			.map((row) -> row.get("slug", String.class))
			.all()
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(children).containsExactly("russia", "middle-east", "europe", "americas");
	}

}
