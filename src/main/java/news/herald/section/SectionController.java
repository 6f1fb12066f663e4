package news.herald.section;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SectionController {

	private final SectionCatalog catalog;

	SectionController(SectionCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/api/sections")
	List<Section> sections() {
		return this.catalog.all();
	}

}
