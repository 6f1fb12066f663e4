package news.herald.article;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import news.herald.event.ArticleEvent;
import news.herald.event.EventRelay;
import news.herald.system.BackgroundSubscription;
import news.herald.system.LifecyclePhases;

/**
 * Every tag, author and language the published articles have, by slug, in memory: a tag
 * feed finds its names (and an unknown tag its 404) without the database. Read from the
 * store at start-up, then grown from the event relay; a name is never forgotten while the
 * instance runs, so a tag whose last article was retracted keeps an empty feed.
 */
@Component
public class ArticleTaxonomy extends BackgroundSubscription {

	private static final Log logger = LogFactory.getLog(ArticleTaxonomy.class);

	private final EventRelay relay;

	private final DatabaseClient db;

	private final Map<String, Term> tags = new ConcurrentHashMap<>();

	private final Map<String, Term> authors = new ConcurrentHashMap<>();

	private final Map<String, String> languages = new ConcurrentHashMap<>();

	ArticleTaxonomy(EventRelay relay, DatabaseClient db) {
		super(LifecyclePhases.ABOVE_GRACEFUL_SHUTDOWN);
		this.relay = relay;
		this.db = db;
		NameSlugs.warmUp();
	}

	/**
	 * A tag or author as feeds name it.
	 *
	 * @param slug the URL form
	 * @param name the first spelling seen, for titles
	 * @param names every stored spelling with this slug
	 */
	public record Term(String slug, String name, Set<String> names) {

		Term with(String other) {
			if (this.names.contains(other)) {
				return this;
			}
			Set<String> more = new LinkedHashSet<>(this.names);
			more.add(other);
			return new Term(this.slug, this.name, Set.copyOf(more));
		}

	}

	/** The tag with this slug, null if no article has it. */
	public Term tag(String slug) {
		return this.tags.get(slug);
	}

	/** The author with this slug, null if no article has them. */
	public Term author(String slug) {
		return this.authors.get(slug);
	}

	/**
	 * The language as articles spell it ({@code kk-KZ}) for its lower-case form, null if
	 * no article is in it.
	 */
	public String language(String lowerCase) {
		return this.languages.get(lowerCase);
	}

	/** Every language of the published articles, as spelt, in alphabetical order. */
	public List<String> languages() {
		List<String> all = new ArrayList<>(this.languages.values());
		all.sort(Comparator.naturalOrder());
		return all;
	}

	@Override
	public void start() {
		running(this.relay.events()
			.subscribe(this::apply, (ex) -> logger.error("The tag and author directory stopped following events", ex)));
		// Runs on the main thread while the context starts.
		this.db
			.sql("""
					select array_agg(distinct t) filter (where t is not null) as tags,
					    (select array_agg(distinct a) from articles, unnest(authors) a where status = 'published') as authors,
					    (select array_agg(distinct language) from articles where status = 'published') as languages
					from articles, unnest(tags) t where status = 'published'
					""")
			.map((row) -> {
				add(row.get("tags", String[].class), row.get("authors", String[].class),
						row.get("languages", String[].class));
				return true;
			})
			.all()
			.then()
			.block(Duration.ofSeconds(30));
	}

	private void add(String[] tags, String[] authors, String[] languages) {
		if (tags != null) {
			addAll(this.tags, List.of(tags));
		}
		if (authors != null) {
			addAll(this.authors, List.of(authors));
		}
		if (languages != null) {
			for (String language : languages) {
				addLanguage(language);
			}
		}
	}

	private void apply(ArticleEvent event) {
		for (ArticleEvent.Taxonomy taxonomy : new ArticleEvent.Taxonomy[] { event.taxonomy(), event.previous() }) {
			if (taxonomy != null) {
				addAll(this.tags, taxonomy.tags());
				addAll(this.authors, taxonomy.authors());
				addLanguage(taxonomy.language());
			}
		}
	}

	private void addLanguage(String language) {
		if (language != null) {
			this.languages.putIfAbsent(language.toLowerCase(Locale.ROOT), language);
		}
	}

	private static void addAll(Map<String, Term> terms, Collection<String> names) {
		for (String name : names) {
			terms.compute(NameSlugs.of(name),
					(slug, term) -> (term != null) ? term.with(name) : new Term(slug, name, Set.of(name)));
		}
	}

}
