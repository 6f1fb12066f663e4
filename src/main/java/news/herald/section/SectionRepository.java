package news.herald.section;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

@Repository
class SectionRepository {

	private final DatabaseClient db;

	SectionRepository(DatabaseClient db) {
		this.db = db;
	}

	Flux<Section> findAll() {
		return this.db.sql("""
				select slug, title, description, parent, language, position
				from sections
				order by position, slug
				""").map(SectionRepository::section).all();
	}

	private static Section section(Readable row) {
		return new Section(row.get("slug", String.class), row.get("title", String.class),
				row.get("description", String.class), row.get("parent", String.class),
				row.get("language", String.class), row.get("position", Integer.class));
	}

}
