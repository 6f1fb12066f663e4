package news.herald.stream;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import news.herald.section.SectionCatalog;
import news.herald.section.SectionNotFoundException;

/** How many read a section's live stream now, on every instance, from memory. */
@RestController
class PresenceController {

	private final Presence presence;

	private final SectionCatalog sections;

	PresenceController(Presence presence, SectionCatalog sections) {
		this.presence = presence;
		this.sections = sections;
	}

	@GetMapping("/api/sections/{slug}/presence")
	ResponseEntity<Map<String, Object>> section(@PathVariable String slug) {
		if (!this.sections.exists(slug)) {
			throw new SectionNotFoundException(slug);
		}
		return answer(Map.of("section", slug, "readers", this.presence.readers(slug)));
	}

	@GetMapping("/api/presence")
	ResponseEntity<Map<String, Object>> outlet() {
		return answer(Map.of("readers", this.presence.readers(Presence.OUTLET)));
	}

	private static ResponseEntity<Map<String, Object>> answer(Map<String, Object> body) {
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(body);
	}

}
