package news.herald.feed;

/**
 * The representations a feed is kept in, and the choice among them for one request's
 * {@code Accept-Encoding}.
 */
enum ContentCoding {

	IDENTITY(null), GZIP("gzip"), BROTLI("br");

	/** The {@code Content-Encoding} token, null for identity. */
	final String token;

	ContentCoding(String token) {
		this.token = token;
	}

	/**
	 * The coding to send: the acceptable one (listed, or covered by {@code *}, without
	 * {@code q=0}) with the highest weight, Brotli before gzip on a tie as its bytes are
	 * smaller; identity when neither is acceptable.
	 * @param acceptEncoding the request's header, may be null
	 * @param brotli whether Brotli representations exist on this instance
	 */
	static ContentCoding negotiate(String acceptEncoding, boolean brotli) {
		if (acceptEncoding == null || acceptEncoding.isEmpty()) {
			return IDENTITY;
		}
		if (acceptEncoding.equals("gzip")) {
			// What most feed readers and aggregators send.
			return GZIP;
		}
		double gzip = -1;
		double br = -1;
		double any = -1;
		for (String coding : acceptEncoding.split(",")) {
			String[] parts = coding.split(";");
			String name = parts[0].strip();
			double weight = weight(parts);
			if (name.equalsIgnoreCase("gzip") || name.equalsIgnoreCase("x-gzip")) {
				gzip = weight;
			}
			else if (name.equalsIgnoreCase("br")) {
				br = weight;
			}
			else if (name.equals("*")) {
				any = weight;
			}
		}
		gzip = (gzip >= 0) ? gzip : any;
		br = !brotli ? 0 : (br >= 0) ? br : any;
		if (br > 0 && br >= gzip) {
			return BROTLI;
		}
		return (gzip > 0) ? GZIP : IDENTITY;
	}

	private static double weight(String[] parts) {
		for (int i = 1; i < parts.length; i++) {
			String parameter = parts[i].strip();
			if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
				try {
					double q = Double.parseDouble(parameter.substring(2).strip());
					return (q >= 0 && q <= 1) ? q : 0;
				}
				catch (NumberFormatException ex) {
					return 0;
				}
			}
		}
		return 1;
	}

}
