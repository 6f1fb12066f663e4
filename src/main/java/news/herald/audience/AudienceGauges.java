package news.herald.audience;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Today's audience per section for Prometheus, as every instance has flushed it:
 * {@code herald.audience.followers}, {@code herald.audience.subscribers} (reported by
 * aggregators) and {@code herald.audience.clients} (distinct direct clients, 7 days).
 */
@Component
class AudienceGauges {

	private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

	private final MeterRegistry meters;

	private final AudienceReports reports;

	AudienceGauges(MeterRegistry meters, AudienceReports reports) {
		this.meters = meters;
		this.reports = reports;
	}

	Mono<Void> refresh(LocalDate today) {
		return this.reports.report(today, today, (scope) -> true).doOnNext((report) -> {
			for (AudienceReport.Section section : report.sections()) {
				AudienceReport.SectionDay day = section.days().get(section.days().size() - 1);
				gauge("herald.audience.followers", "Aggregator subscribers plus direct clients over 7 days",
						section.scope())
					.set(day.followers());
				gauge("herald.audience.subscribers", "Subscribers reported by aggregators", section.scope())
					.set(day.aggregatorSubscribers());
				gauge("herald.audience.clients", "Distinct direct clients over 7 days", section.scope())
					.set(day.directClients7d());
			}
		}).then();
	}

	private AtomicLong gauge(String name, String description, String section) {
		return this.values.computeIfAbsent(name + "|" + section, (key) -> {
			AtomicLong value = new AtomicLong();
			Gauge.builder(name, value, AtomicLong::get)
				.description(description)
				.tag("section", section)
				.register(this.meters);
			return value;
		});
	}

}
