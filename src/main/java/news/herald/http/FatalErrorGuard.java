package news.herald.http;

import java.util.function.Consumer;

import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * Catches the {@link Error}s that no handler ever sees. Reactor rethrows a JVM-fatal
 * error ({@code StackOverflowError}, {@code OutOfMemoryError}) up the caller's stack
 * instead of signalling it, so one thrown while the request's pipeline is assembled, or
 * while the request body is delivered (a validator overflowing its stack on the body),
 * unwinds past WebFlux into Reactor Netty, which closes the connection without a
 * response. Around the whole HTTP handler, both run inside a {@code try}, and such an
 * error becomes the same 503 problem as a signalled one ({@link FatalErrors}). Not
 * covered: an error thrown while a database row is delivered, on the database driver's
 * thread.
 */
@Component
class FatalErrorGuard implements WebHttpHandlerBuilderCustomizer {

	private final FatalErrors errors;

	FatalErrorGuard(FatalErrors errors) {
		this.errors = errors;
	}

	@Override
	public void customize(WebHttpHandlerBuilder builder) {
		builder.httpHandlerDecorator((handler) -> new Guarded(handler, this.errors));
	}

	private record Guarded(HttpHandler handler, FatalErrors errors) implements HttpHandler {

		@Override
		public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
			return Mono.<Void>create((sink) -> {
				try {
					sink.onDispose(this.handler.handle(new GuardedBody(request, sink::error), response)
						.subscribe(null, sink::error, sink::success, Context.of(sink.contextView())));
				}
				catch (Error thrown) {
					sink.error(thrown);
				}
			}).onErrorResume(Error.class, (error) -> this.errors.answer(request, response, error));
		}

	}

	/**
	 * The request, whose body reports an error its readers throw instead of letting it
	 * unwind.
	 */
	private static final class GuardedBody extends ServerHttpRequestDecorator {

		private final Consumer<Error> failed;

		GuardedBody(ServerHttpRequest request, Consumer<Error> failed) {
			super(request);
			this.failed = failed;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			Flux<DataBuffer> body = super.getBody();
			return Flux.from(
					Operators
						.<DataBuffer, DataBuffer>liftPublisher(
								(publisher, reader) -> new Catching<DataBuffer>(reader, this.failed))
						.apply(body));
		}

	}

	/**
	 * Passes every signal on, and reports an error thrown by the reader it passed it to.
	 */
	private static final class Catching<T> implements CoreSubscriber<T> {

		private final CoreSubscriber<? super T> reader;

		private final Consumer<Error> failed;

		Catching(CoreSubscriber<? super T> reader, Consumer<Error> failed) {
			this.reader = reader;
			this.failed = failed;
		}

		@Override
		public Context currentContext() {
			return this.reader.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			this.reader.onSubscribe(subscription);
		}

		@Override
		public void onNext(T item) {
			try {
				this.reader.onNext(item);
			}
			catch (Error thrown) {
				this.failed.accept(thrown);
			}
		}

		@Override
		public void onError(Throwable error) {
			try {
				this.reader.onError(error);
			}
			catch (Error thrown) {
				this.failed.accept(thrown);
			}
		}

		@Override
		public void onComplete() {
			try {
				this.reader.onComplete();
			}
			catch (Error thrown) {
				this.failed.accept(thrown);
			}
		}

	}

}
