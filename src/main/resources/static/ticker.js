/*
 * Herald ticker widget: a compact live list of headlines for any site.
 *
 *   <script src="https://herald.example/ticker.js" data-section="world" data-limit="10"></script>
 *
 * data-section  a section slug (default: every section)
 * data-limit    how many headlines to show, 1-50 (default 10)
 * data-title    the heading (default "Herald", followed by the section's name)
 * data-target   CSS selector of the element to render into (default: right after this script)
 *
 * Restyle it with CSS custom properties on any ancestor, e.g.
 *   .herald-ticker { --herald-accent: #c00; --herald-max-width: none; }
 * and ::part(ticker|header|status|list|item|title|meta).
 * The widget lives in a shadow root: the host page's CSS cannot break it, and it
 * defines no named globals. Headlines are inserted as text, never as HTML.
 *
 * Every widget on a page shares one connection to Herald: browsers allow six HTTP/1.1
 * connections per origin across all tabs, so one stream per widget would soon run out.
 * The widgets meet under a Symbol on window and one of them opens
 * /stream?sections=a,b (or /stream when any widget shows every section); each widget
 * keeps the headlines of its own section and subsections.
 */
(function () {
	'use strict';

	var script = document.currentScript;
	if (!script) {
		var candidates = document.querySelectorAll('script[src*="ticker.js"]:not([data-herald-mounted])');
		script = candidates.length ? candidates[0] : null;
	}
	if (!script || script.hasAttribute('data-herald-mounted') || !window.EventSource) {
		return;
	}
	script.setAttribute('data-herald-mounted', '');

	// Herald is wherever this script came from, so the embed snippet is the only setting.
	var base = new URL('.', script.src);
	var section = (script.getAttribute('data-section') || '').trim();
	var limit = Math.min(50, Math.max(1, parseInt(script.getAttribute('data-limit'), 10) || 10));
	var heading = script.getAttribute('data-title') || 'Herald';
	var sectionTitles = {};
	// The section and its subsections, once /api/sections has answered (just the section
	// when it could not).
	var family = null;
	// Headlines of another section that came before /api/sections said which sections are
	// subsections: placed once it has (a stream sends its backfill only once).
	var held = [];
	var timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
	var dateTime = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
	var full = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

	var CSS = [
		':host { display: block; font-family: var(--herald-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);',
		'  font-size: var(--herald-font-size, 15px); line-height: 1.4; color: var(--herald-text, #16181d); }',
		'.ticker { box-sizing: border-box; max-width: var(--herald-max-width, 28rem); background: var(--herald-background, #fff);',
		'  border: var(--herald-border, 1px solid #d9dce2); border-radius: var(--herald-radius, 6px); overflow: hidden; }',
		'.header { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; padding: 0.5rem 0.75rem;',
		'  border-bottom: 1px solid var(--herald-divider, #e3e5e9); }',
		'.brand { color: inherit; font-weight: 700; text-decoration: none; }',
		'.status { display: inline-flex; align-items: center; gap: 0.3rem; font-size: 0.75em; font-weight: 600;',
		'  color: var(--herald-muted, #4a5160); white-space: nowrap; }',
		'.status::before { content: ""; width: 0.5rem; height: 0.5rem; border-radius: 50%; background: currentColor; }',
		'.status[data-state="live"] { color: var(--herald-live, #0f7b3f); }',
		'.status[data-state="reconnecting"] { color: var(--herald-reconnecting, #8a5a00); }',
		'.status[data-state="offline"] { color: var(--herald-offline, #b3261e); }',
		'ol { list-style: none; margin: 0; padding: 0; }',
		'li { padding: 0.5rem 0.75rem; border-bottom: 1px solid var(--herald-divider, #e3e5e9); overflow-wrap: anywhere; }',
		'li:last-child { border-bottom: 0; }',
		'.title { color: var(--herald-link, inherit); font-weight: 600; text-decoration: none; }',
		'a.title:hover { color: var(--herald-accent, #0b57d0); text-decoration: underline; }',
		'a:focus-visible { outline: 2px solid var(--herald-accent, #0b57d0); outline-offset: 2px; border-radius: 2px; }',
		'.meta { display: block; font-size: 0.8em; color: var(--herald-muted, #4a5160); }',
		'.empty { padding: 0.5rem 0.75rem; margin: 0; color: var(--herald-muted, #4a5160); }',
		'.new { animation: herald-in 0.4s ease-out; }',
		'@keyframes herald-in { from { opacity: 0; transform: translateY(-0.4rem); } }',
		'@media (prefers-reduced-motion: reduce) { .new { animation: none; } }'
	].join('\n');

	var host = document.createElement('div');
	host.className = 'herald-ticker';
	var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
	var style = document.createElement('style');
	style.textContent = CSS;
	var ticker = element('section', 'ticker', 'ticker');
	var header = element('div', 'header', 'header');
	var brand = element('a', 'brand');
	brand.href = new URL(section ? '?section=' + encodeURIComponent(section) : '.', base).href;
	var status = element('span', 'status', 'status');
	status.setAttribute('role', 'status');
	var list = element('ol', 'list', 'list');
	list.setAttribute('aria-live', 'polite');
	var empty = element('p', 'empty');
	empty.textContent = 'Waiting for headlines…';
	header.appendChild(brand);
	header.appendChild(status);
	ticker.appendChild(header);
	ticker.appendChild(list);
	ticker.appendChild(empty);
	root.appendChild(style);
	root.appendChild(ticker);
	setHeading();
	setState('connecting', 'Connecting…');
	mount();

	hub(base).join({
		section: section,
		limit: limit,
		accepts: accepts,
		published: published,
		updated: updated,
		retracted: retracted,
		reset: function () {
			while (list.firstChild) {
				list.removeChild(list.firstChild);
			}
		},
		state: setState,
		shown: function () {
			empty.hidden = list.children.length > 0;
		}
	});
	loadSectionTitles();

	function mount() {
		var target = script.getAttribute('data-target');
		var container = target ? document.querySelector(target) : null;
		if (container) {
			container.appendChild(host);
		}
		else if (script.parentNode && script.parentNode !== document.head) {
			script.parentNode.insertBefore(host, script.nextSibling);
		}
		else if (document.body) {
			document.body.appendChild(host);
		}
		else {
			document.addEventListener('DOMContentLoaded', function () {
				document.body.appendChild(host);
			});
		}
	}

	/** Whether a headline of this section (or the one it left) belongs in this widget. */
	function accepts(headline) {
		if (!section || !family) {
			// Until the family is known, published() holds what it cannot place yet.
			return true;
		}
		return family.indexOf(headline.section) >= 0
				|| (headline.previousSection && family.indexOf(headline.previousSection) >= 0);
	}

	/**
	 * The page's one connection to a Herald: the first widget creates it, every widget
	 * joins it in the same task (scripts run in order), and it connects once they have.
	 * A widget that joins later (a script added after the page loaded) reconnects it with the
	 * new set of sections.
	 */
	function hub(herald) {
		var key = Symbol.for('news.herald.ticker.hub');
		var hubs = window[key] || (window[key] = {});
		if (hubs[herald.href]) {
			return hubs[herald.href];
		}
		var widgets = [];
		var source = null;
		var lastEventId = '';
		var retryDelay = 5000;
		var retryTimer = null;
		var scheduled = false;

		function join(widget) {
			widgets.push(widget);
			widget.state('connecting', 'Connecting…');
			if (!scheduled) {
				scheduled = true;
				// A widget that joins an open stream needs its backfill: start over.
				lastEventId = '';
				var start = function () {
					scheduled = false;
					connect();
				};
				// Every ticker script of the page runs before DOMContentLoaded.
				if (document.readyState === 'loading') {
					document.addEventListener('DOMContentLoaded', start);
				}
				else {
					setTimeout(start, 0);
				}
			}
		}

		function url() {
			var all = widgets.some(function (w) {
				return !w.section;
			});
			var sections = [];
			widgets.forEach(function (w) {
				if (w.section && sections.indexOf(w.section) < 0) {
					sections.push(w.section);
				}
			});
			var stream = new URL((all || sections.length !== 1) ? 'stream'
					: 'stream/' + encodeURIComponent(sections[0]), herald);
			if (!all && sections.length > 1) {
				stream.searchParams.set('sections', sections.join(','));
			}
			if (lastEventId) {
				stream.searchParams.set('lastEventId', lastEventId);
			}
			else {
				stream.searchParams.set('backfill', String(Math.min(50, Math.max.apply(null, widgets.map(function (w) {
					return w.limit;
				})) * Math.max(1, sections.length))));
			}
			return stream.href;
		}

		function each(apply) {
			widgets.forEach(apply);
		}

		function connect() {
			clearTimeout(retryTimer);
			if (source) {
				source.close();
			}
			source = new EventSource(url());
			source.onopen = function () {
				retryDelay = 5000;
				each(function (w) {
					w.state('live', 'Live');
				});
			};
			source.onerror = function () {
				if (source.readyState === EventSource.CLOSED) {
					each(function (w) {
						w.state('offline', 'Offline');
					});
					retryTimer = setTimeout(connect, retryDelay);
					retryDelay = Math.min(retryDelay * 2, 60000);
				}
				else {
					each(function (w) {
						w.state(navigator.onLine === false ? 'offline' : 'reconnecting',
								navigator.onLine === false ? 'Offline' : 'Reconnecting…');
					});
				}
			};
			['published', 'updated', 'retracted'].forEach(function (type) {
				source.addEventListener(type, function (event) {
					if (event.lastEventId) {
						lastEventId = event.lastEventId;
					}
					var headline;
					try {
						headline = JSON.parse(event.data);
					}
					catch (ignored) {
						return;
					}
					if (!headline || !headline.id) {
						return;
					}
					each(function (w) {
						// An update that moved a headline away reaches the widget it left.
						if (w.accepts(headline) || type !== 'published') {
							// Ids read <timeline>-<id>; headlines are ordered by the id.
							w[type](headline, Number(event.lastEventId.split('-').pop()) || 0);
							w.shown();
						}
					});
				});
			});
			source.addEventListener('reset', function () {
				// Too long away to resume: start over with the latest headlines.
				each(function (w) {
					w.reset();
				});
				lastEventId = '';
				connect();
			});
		}

		hubs[herald.href] = { join: join };
		return hubs[herald.href];
	}

	function published(headline, eventId) {
		if (section && !family && headline.section !== section) {
			if (held.length < 100) {
				held.push([headline, eventId]);
			}
			return;
		}
		var item = find(headline.id);
		if (item) {
			fill(item, headline);
			return;
		}
		item = element('li', 'item', 'item');
		item.setAttribute('data-id', headline.id);
		item.setAttribute('data-seq', String(eventId));
		fill(item, headline);
		var items = list.children;
		var before = null;
		for (var i = 0; i < items.length; i++) {
			if (Number(items[i].getAttribute('data-seq')) < eventId) {
				before = items[i];
				break;
			}
		}
		list.insertBefore(item, before);
		item.classList.add('new');
		while (list.children.length > limit) {
			list.removeChild(list.lastElementChild);
		}
	}

	function updated(headline) {
		var item = find(headline.id);
		if (item && section && (family || [section]).indexOf(headline.section) < 0) {
			// Moved to a section this ticker does not show.
			list.removeChild(item);
		}
		else if (item) {
			fill(item, headline);
		}
	}

	function retracted(headline) {
		var item = find(headline.id);
		if (item) {
			list.removeChild(item);
		}
	}

	function find(id) {
		var items = list.children;
		for (var i = 0; i < items.length; i++) {
			if (items[i].getAttribute('data-id') === id) {
				return items[i];
			}
		}
		return null;
	}

	function fill(item, headline) {
		while (item.firstChild) {
			item.removeChild(item.firstChild);
		}
		var url = safeUrl(headline.url);
		var title = element(url ? 'a' : 'span', 'title', 'title');
		if (url) {
			title.href = url;
		}
		title.textContent = headline.title || '';
		var meta = element('span', 'meta', 'meta');
		var time = document.createElement('time');
		var date = new Date(headline.publishedAt);
		if (!isNaN(date.getTime())) {
			time.setAttribute('datetime', date.toISOString());
			time.textContent = (date.toDateString() === new Date().toDateString() ? timeOnly : dateTime).format(date);
			time.title = full.format(date);
			meta.appendChild(time);
		}
		var sectionName = element('span', 'section');
		sectionName.setAttribute('data-section', headline.section || '');
		sectionName.textContent = sectionTitle(headline.section);
		if (sectionName.textContent) {
			if (meta.firstChild) {
				meta.appendChild(document.createTextNode(' · '));
			}
			meta.appendChild(sectionName);
		}
		item.appendChild(title);
		item.appendChild(meta);
	}

	function loadSectionTitles() {
		if (!window.fetch) {
			placeHeld();
			return;
		}
		fetch(new URL('api/sections', base).href, { credentials: 'omit' })
			.then(function (response) {
				return response.ok ? response.json() : [];
			})
			.then(function (sections) {
				sections.forEach(function (s) {
					sectionTitles[s.slug] = s.title;
				});
				if (section) {
					family = [section];
					for (var i = 0; i < family.length; i++) {
						sections.forEach(function (s) {
							if (s.parent === family[i] && family.indexOf(s.slug) < 0) {
								family.push(s.slug);
							}
						});
					}
				}
				setHeading();
				Array.prototype.forEach.call(list.querySelectorAll('.section'), function (span) {
					span.textContent = sectionTitle(span.getAttribute('data-section'));
				});
				placeHeld();
			})
			.catch(function () {
				// Names stay as derived from the slugs; only the section's own headlines show.
				placeHeld();
			});
	}

	/** Places the headlines held while the family was unknown, now that it is known. */
	function placeHeld() {
		if (section && !family) {
			family = [section];
		}
		var waiting = held;
		held = [];
		waiting.forEach(function (h) {
			if (accepts(h[0])) {
				published(h[0], h[1]);
			}
		});
		empty.hidden = list.children.length > 0;
	}

	function sectionTitle(slug) {
		if (!slug) {
			return '';
		}
		return sectionTitles[slug] || (slug.charAt(0).toUpperCase() + slug.slice(1).replace(/-/g, ' '));
	}

	function setHeading() {
		var name = section ? sectionTitle(section) : '';
		brand.textContent = name ? heading + ' · ' + name : heading;
		ticker.setAttribute('aria-label', name ? 'Latest headlines: ' + name : 'Latest headlines');
	}

	function setState(state, text) {
		status.setAttribute('data-state', state);
		status.textContent = text;
	}

	function safeUrl(value) {
		if (typeof value !== 'string') {
			return null;
		}
		try {
			var url = new URL(value);
			return (url.protocol === 'https:' || url.protocol === 'http:') ? url.href : null;
		}
		catch (ignored) {
			return null;
		}
	}

	function element(name, className, part) {
		var node = document.createElement(name);
		if (className) {
			node.className = className;
		}
		if (part) {
			node.setAttribute('part', part);
		}
		return node;
	}
}());
