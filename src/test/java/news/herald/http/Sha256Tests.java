package news.herald.http;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Tests {

	@Test
	void matchesTheStandardTestVector() {
		// FIPS 180-2, appendix B.1: SHA-256("abc").
		assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(Sha256.of(new byte[0])).hasSize(32);
	}

}
