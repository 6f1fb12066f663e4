/*
 * Herald live ticker page: keeps the server-rendered headline list live over the
 * section's server-sent-event stream. Plain JavaScript, no build step. Every value from
 * the stream is inserted with textContent or as a checked URL, never as HTML.
 */
(function () {
	'use strict';

	var list = document.getElementById('headlines');
	var connection = document.getElementById('connection');
	if (!list || !connection) {
		return;
	}
	var connectionText = connection.querySelector('.connection-text');
	// "N reading now", from the stream's presence events; the page works without it.
	var readers = document.getElementById('readers');
	var empty = document.getElementById('empty');
	var streamPath = list.getAttribute('data-stream');
	// Events after this id happened after the page was rendered; the stream replays them.
	var lastEventId = list.getAttribute('data-last-event-id') || '';
	var family = (list.getAttribute('data-sections') || '').split(/\s+/).filter(Boolean);
	var max = parseInt(list.getAttribute('data-max'), 10) || 50;
	var sectionTitles = {};
	var timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
	var zone = new Intl.DateTimeFormat().resolvedOptions().timeZone || '';
	var source = null;
	var retryTimer = null;
	var retryDelay = 5000;

	Array.prototype.forEach.call(document.querySelectorAll('.sections a'), function (link) {
		var slug = new URL(link.href, location.href).searchParams.get('section');
		if (slug) {
			sectionTitles[slug] = link.textContent;
		}
	});
	var current = document.querySelector('.sections a[aria-current="page"]');
	if (current && current.scrollIntoView) {
		// On a phone the section bar scrolls sideways; show the chosen section.
		current.scrollIntoView({ block: 'nearest', inline: 'center' });
	}
	Array.prototype.forEach.call(list.querySelectorAll('time'), localTime);
	Array.prototype.forEach.call(list.querySelectorAll('img'), function (img) {
		if (img.complete && img.naturalWidth === 0) {
			img.hidden = true;
		}
	});
	// A thumbnail that fails to load is hidden rather than shown broken.
	list.addEventListener('error', function (event) {
		if (event.target && event.target.tagName === 'IMG') {
			event.target.hidden = true;
		}
	}, true);

	function setState(state, text) {
		connection.setAttribute('data-state', state);
		connectionText.textContent = text;
	}

	function connect() {
		clearTimeout(retryTimer);
		if (source) {
			source.close();
		}
		// A new EventSource cannot send Last-Event-ID itself, so the resume point goes in
		// the query; the browser's own reconnects send the header with the newest id.
		// With an empty store there is no id to resume from; the latest events then cover
		// everything published since the page was rendered.
		var url = streamPath + ((lastEventId && lastEventId !== '0') ? '?lastEventId=' + encodeURIComponent(lastEventId)
				: '?backfill=' + max) + (readers ? '&presence=true' : '');
		source = new EventSource(url);
		source.onopen = function () {
			retryDelay = 5000;
			setState('live', 'Live');
		};
		source.onerror = function () {
			if (source.readyState === EventSource.CLOSED) {
				// The browser gave up (the server refused the stream): retry ourselves.
				setState('offline', 'Offline');
				retryTimer = setTimeout(connect, retryDelay);
				retryDelay = Math.min(retryDelay * 2, 60000);
			}
			else if (navigator.onLine === false) {
				setState('offline', 'Offline');
			}
			else {
				setState('reconnecting', 'Reconnecting…');
			}
		};
		source.addEventListener('published', handler(published));
		source.addEventListener('updated', handler(updated));
		source.addEventListener('retracted', handler(retracted));
		source.addEventListener('presence', function (event) {
			var count;
			try {
				count = JSON.parse(event.data).readers;
			}
			catch (e) {
				return;
			}
			if (typeof count === 'number' && count >= 0) {
				readers.textContent = count + ' reading now';
				readers.hidden = false;
			}
		});
		source.addEventListener('reset', function (event) {
			if (event.lastEventId) {
				lastEventId = event.lastEventId;
			}
			// The resume point is older than the server keeps, so events may have been
			// missed: start again from a fresh page. A page just rendered is already
			// current (a quiet outlet's newest event can outlive the retention window),
			// and reloading it again would only loop.
			if (performance.now() > 30000) {
				location.reload();
			}
		});
	}

	function handler(apply) {
		return function (event) {
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
			if (headline && headline.id) {
				// Ids read <timeline>-<id>; headlines are ordered by the id.
				apply(headline, Number(event.lastEventId.split('-').pop()) || 0);
				empty.hidden = list.children.length > 0;
			}
		};
	}

	function published(headline, eventId) {
		var item = find(headline.id);
		if (item) {
			fill(item, headline);
			return;
		}
		if (!inFamily(headline.section)) {
			return;
		}
		item = build(headline);
		item.setAttribute('data-seq', String(eventId));
		insertBySeq(item, eventId);
		animate(item, 'is-new');
		while (list.children.length > max) {
			list.removeChild(list.lastElementChild);
		}
	}

	function updated(headline) {
		var item = find(headline.id);
		if (!inFamily(headline.section)) {
			// Moved to a section this page does not show.
			if (item) {
				leave(item);
			}
			return;
		}
		if (!item) {
			// Moved into this page's section: place it by publication time if it is recent
			// enough to be on the page.
			item = build(headline);
			if (!insertByTime(item, headline.publishedAt)) {
				return;
			}
		}
		else {
			fill(item, headline);
		}
		animate(item, 'is-updated');
	}

	function retracted(headline) {
		var item = find(headline.id);
		if (item) {
			leave(item);
		}
	}

	function inFamily(section) {
		return family.length === 0 || family.indexOf(section) >= 0;
	}

	function find(id) {
		var items = list.children;
		for (var i = 0; i < items.length; i++) {
			if (items[i].getAttribute('data-id') === id && !items[i].classList.contains('is-leaving')) {
				return items[i];
			}
		}
		return null;
	}

	function insertBySeq(item, seq) {
		var items = list.children;
		for (var i = 0; i < items.length; i++) {
			if (Number(items[i].getAttribute('data-seq')) < seq) {
				list.insertBefore(item, items[i]);
				return;
			}
		}
		list.appendChild(item);
	}

	function insertByTime(item, publishedAt) {
		var when = Date.parse(publishedAt);
		var items = list.children;
		for (var i = 0; i < items.length; i++) {
			var time = items[i].querySelector('time');
			if (time && Date.parse(time.getAttribute('datetime')) < when) {
				item.setAttribute('data-seq', items[i].getAttribute('data-seq') || '0');
				list.insertBefore(item, items[i]);
				return true;
			}
		}
		if (items.length < max) {
			item.setAttribute('data-seq', '0');
			list.appendChild(item);
			return true;
		}
		return false;
	}

	function build(headline) {
		var item = element('li', 'headline');
		item.setAttribute('data-id', headline.id);
		var meta = element('p', 'headline-meta');
		meta.appendChild(element('span', 'headline-section'));
		meta.appendChild(document.createTextNode(' '));
		meta.appendChild(element('time', 'headline-time'));
		item.appendChild(element('h2', 'headline-title'));
		item.appendChild(meta);
		fill(item, headline);
		return item;
	}

	function fill(item, headline) {
		item.setAttribute('data-section', headline.section || '');
		var title = item.querySelector('.headline-title');
		title.textContent = '';
		var url = safeUrl(headline.url, ['http:', 'https:']);
		if (url) {
			var link = element('a');
			link.href = url;
			link.textContent = headline.title || '';
			title.appendChild(link);
		}
		else {
			title.textContent = headline.title || '';
		}
		item.querySelector('.headline-section').textContent = sectionTitles[headline.section] || headline.section || '';
		var time = item.querySelector('time');
		time.setAttribute('datetime', headline.publishedAt || '');
		localTime(time);
		var summary = item.querySelector('.headline-summary');
		if (headline.summary) {
			if (!summary) {
				summary = element('p', 'headline-summary');
				item.insertBefore(summary, item.querySelector('.headline-meta').nextSibling);
			}
			summary.textContent = headline.summary;
		}
		else if (summary) {
			item.removeChild(summary);
		}
		var image = safeUrl(headline.imageUrl || (headline.image && headline.image.url), ['https:']);
		var thumb = item.querySelector('.headline-thumb');
		if (image) {
			if (!thumb) {
				thumb = element('img', 'headline-thumb');
				thumb.alt = '';
				thumb.loading = 'lazy';
				thumb.decoding = 'async';
				thumb.width = 112;
				thumb.height = 75;
				item.appendChild(thumb);
			}
			thumb.hidden = false;
			if (thumb.src !== image) {
				thumb.src = image;
			}
		}
		else if (thumb) {
			item.removeChild(thumb);
		}
	}

	function leave(item) {
		item.classList.add('is-leaving');
		var removed = false;
		function remove() {
			if (!removed && item.parentNode) {
				removed = true;
				item.parentNode.removeChild(item);
				empty.hidden = list.children.length > 0;
			}
		}
		item.addEventListener('animationend', remove);
		// Without animations (reduced motion) animationend never fires.
		setTimeout(remove, 400);
	}

	function animate(item, name) {
		item.classList.remove('is-new', 'is-updated');
		// Restart the animation when the same headline changes again.
		void item.offsetWidth;
		item.classList.add(name);
	}

	function localTime(time) {
		var date = new Date(time.getAttribute('datetime'));
		if (!isNaN(date.getTime())) {
			time.textContent = timeFormat.format(date);
			time.title = zone ? timeFormat.format(date) + ' (' + zone + ')' : date.toISOString();
		}
	}

	function safeUrl(value, protocols) {
		if (typeof value !== 'string') {
			return null;
		}
		try {
			var url = new URL(value);
			return protocols.indexOf(url.protocol) >= 0 ? url.href : null;
		}
		catch (ignored) {
			return null;
		}
	}

	function element(name, className) {
		var node = document.createElement(name);
		if (className) {
			node.className = className;
		}
		return node;
	}

	window.addEventListener('offline', function () {
		setState('offline', 'Offline');
	});
	window.addEventListener('online', function () {
		if (!source || source.readyState === EventSource.CLOSED) {
			connect();
		}
		else if (source.readyState === EventSource.CONNECTING) {
			setState('reconnecting', 'Reconnecting…');
		}
	});

	if (!window.EventSource) {
		setState('offline', 'Live updates need a newer browser');
		return;
	}
	connect();
}());
