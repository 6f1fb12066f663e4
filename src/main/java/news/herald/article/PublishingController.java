package news.herald.article;

import java.net.URI;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import news.herald.section.SectionCatalog;
import news.herald.security.PublisherKey;

/**
 * The newsroom's writes. Security has already checked the key; here the key's sections
 * are checked against the article's target section and, for an existing article, its
 * current one.
 */
@RestController
class PublishingController {

	private final ArticleRequestReader reader;

	private final ArticleValidator validator;

	private final ArticlePublisher publisher;

	private final SectionCatalog sections;

	PublishingController(ArticleRequestReader reader, ArticleValidator validator, ArticlePublisher publisher,
			SectionCatalog sections) {
		this.reader = reader;
		this.validator = validator;
		this.publisher = publisher;
		this.sections = sections;
	}

	@PostMapping(path = "/api/articles", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Article>> create(@AuthenticationPrincipal PublisherKey key, ServerHttpRequest request) {
		return this.reader.read(request).map(this.validator::validate).flatMap((draft) -> {
			checkSection(key, draft.section());
			return this.publisher.create(draft);
		}).map((publication) -> {
			Article article = publication.article();
			if (!publication.created()) {
				return ResponseEntity.ok().eTag(etag(article)).body(article);
			}
			URI location = UriComponentsBuilder.fromUri(request.getURI())
				.replacePath("/api/articles/{id}")
				.replaceQuery(null)
				.build(article.id());
			return ResponseEntity.created(location).eTag(etag(article)).body(article);
		});
	}

	@PutMapping(path = "/api/articles/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Article>> replace(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal PublisherKey key, ServerHttpRequest request) {
		UUID articleId = articleId(id);
		return this.reader.read(request).map(this.validator::validate).flatMap((draft) -> {
			checkSection(key, draft.section());
			return this.publisher.update(articleId, draft, (current) -> {
				checkSection(key, current.section());
				IfMatch.check(ifMatch, current);
			});
		}).map((article) -> ResponseEntity.ok().eTag(etag(article)).body(article));
	}

	@DeleteMapping("/api/articles/{id}")
	Mono<ResponseEntity<Void>> retract(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal PublisherKey key) {
		UUID articleId = articleId(id);
		return this.publisher.retract(articleId, (current) -> {
			checkSection(key, current.section());
			if (current.status() != ArticleStatus.RETRACTED) {
				IfMatch.check(ifMatch, current);
			}
		}).map((article) -> ResponseEntity.status(HttpStatus.NO_CONTENT).eTag(etag(article)).build());
	}

	private void checkSection(PublisherKey key, String section) {
		key.checkSection(section, this.sections.lineage(section));
	}

	private static UUID articleId(String id) {
		if (!Article.ID_SHAPE.matcher(id).matches()) {
			throw new ArticleNotFoundException(id);
		}
		return UUID.fromString(id);
	}

	private static String etag(Article article) {
		return article.etag();
	}

}
