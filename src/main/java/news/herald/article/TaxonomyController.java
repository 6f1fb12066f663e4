package news.herald.article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/tags} and {@code /api/authors}: every tag and author of the published
 * articles with its slug (the one their feeds are at) and how many articles have it, most
 * used first.
 */
@RestController
class TaxonomyController {

	private final ArticleRepository articles;

	TaxonomyController(ArticleRepository articles) {
		this.articles = articles;
	}

	@GetMapping("/api/tags")
	Mono<List<Count>> tags() {
		return counts("tags", "/feeds/tags/");
	}

	@GetMapping("/api/authors")
	Mono<List<Count>> authors() {
		return counts("authors", "/feeds/authors/");
	}

	private Mono<List<Count>> counts(String column, String feeds) {
		return this.articles.countNames(column).collectList().map((rows) -> {
			// Spellings that share a slug are one tag: one row, their counts summed.
			Map<String, Count> bySlug = new LinkedHashMap<>();
			rows.stream().sorted(Map.Entry.comparingByKey()).forEach((row) -> {
				String slug = NameSlugs.of(row.getKey());
				bySlug.merge(slug, new Count(slug, row.getKey(), row.getValue(), feeds + slug + "/rss.xml"),
						(a, b) -> new Count(a.slug(), a.name(), a.articles() + b.articles(), a.feed()));
			});
			List<Count> counts = new ArrayList<>(bySlug.values());
			counts.sort(Comparator.comparingLong(Count::articles).reversed().thenComparing(Count::slug));
			return counts;
		});
	}

	/** One tag or author; {@code feed} is its RSS feed's path. */
	record Count(String slug, String name, long articles, String feed) {

	}

}
