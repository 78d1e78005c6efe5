/* Site search over the Pagefind index (see theme/partials/search.html and generator/search.py).
 *
 * The dialog is moved into Material's header and styled by Material's CSS; Material's own search
 * code never sees it (no data-md-component attributes), and our keys don't reach Material's
 * keyboard handler. Pagefind's script and index load on first use: the chunks for the words
 * typed, then one fragment per result shown. Links resolve under any base path (/REPO/).
 *
 * Filters and sort: the briefing pages carry Pagefind filters (outlet, topic, person, language,
 * year) and their date (theme/briefing.html). The filter lists are filled when the reader opens
 * them, with the counts of the results in hand; a query with no words but a filter lists every
 * briefing that has it, newest first. Pagefind adds up the shards' filter counts itself, but it
 * orders the results of merged indexes by score, and a sorted search scores every result 0: so
 * "newest first" asks each shard for its own sorted results (each shard is tagged with a filter
 * of its own, "shard", when merged in) and merges them here by the date in each result's
 * metadata, fetching one fragment ahead per shard. */
(function () {
  "use strict";
  var root = document.querySelector("[data-bf-search]");
  var header = document.querySelector(".md-header__inner");
  var toggle = document.getElementById("__search");
  if (!root || !header || !toggle) return;

  var button = document.querySelector("[data-bf-search-button]");
  var anchor = header.querySelector(".md-header__source");
  if (button) header.insertBefore(button.content.cloneNode(true), anchor);
  header.insertBefore(root, anchor);
  root.hidden = false;

  var input = root.querySelector("[data-bf-search-query]");
  var form = root.querySelector("[data-bf-search-form]");
  var meta = root.querySelector("[data-bf-search-meta]");
  var list = root.querySelector("[data-bf-search-list]");
  var tools = root.querySelector("[data-bf-search-tools]");
  var filtersToggle = root.querySelector("[data-bf-filters-toggle]");
  var filterBox = root.querySelector("[data-bf-filters]");
  var sortSelect = root.querySelector("[data-bf-sort]");
  var selects = Array.prototype.slice.call(root.querySelectorAll("[data-bf-filter]"));
  var SHARD = "shard"; // the filter each merged bundle is tagged with (never shown)
  var MAX_OPTIONS = 200; // values listed per filter: the most frequent among the results
  var shardCount = 1;
  var bundle = new URL(root.getAttribute("data-bundle"), document.baseURI);
  var siteRoot = bundle.pathname.replace(/pagefind\/pagefind\.js$/, "");
  var PAGE = 10;
  var pagefind = null;
  var current = 0;

  // A large site's index is split in shards (generator/search.py): pagefind/shards.json names the
  // bundles beside the first one, each merged in; a query fetches its chunks from every shard.
  function shards() {
    return fetch(new URL("shards.json", bundle).href).then(function (r) {
      return r.ok ? r.json() : { bundles: [] };
    }).then(function (m) { return (m && m.bundles) || []; }, function () { return []; });
  }
  function load() {
    if (!pagefind) {
      pagefind = Promise.all([import(bundle.href), shards()]).then(function (got) {
        var pf = got[0];
        var others = got[1];
        shardCount = 1 + others.length;
        var tag = function (k) { var f = {}; f[SHARD] = String(k); return f; };
        return Promise.resolve(pf.options(shardCount > 1
          ? { baseUrl: siteRoot, excerptLength: 30, mergeFilter: tag(0) }
          : { baseUrl: siteRoot, excerptLength: 30 }))
          .then(function () { return pf.init ? pf.init() : null; })
          .then(function () {
            return Promise.all(others.map(function (name, k) {
              return pf.mergeIndex(new URL(name, new URL("..", bundle)).pathname,
                                   { baseUrl: siteRoot, mergeFilter: tag(k + 1) });
            }));
          })
          .then(function () { return pf; });
      });
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  var scratch = document.createElement("textarea");
  function text(html) { scratch.innerHTML = html; return scratch.value; }
  function escape(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  // Pagefind's excerpts are escaped text with <mark> around matches: keep exactly that.
  function excerpt(html) {
    return html.split(/(<\/?mark>)/).map(function (part) {
      return part === "<mark>" || part === "</mark>" ? part : escape(text(part));
    }).join("");
  }
  function count(n) {
    if (n === 0) return root.getAttribute("data-none");
    if (n === 1) return root.getAttribute("data-one");
    return root.getAttribute("data-other").replace("#", String(n));
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var meta = data.meta || {};
    var title = meta.title || data.url;
    var date = meta.date && meta.date !== "0000-00-00" ? meta.date : "";
    var label = meta.kind || date;
    li.innerHTML =
      '<a class="md-search-result__link" tabindex="-1">' +
      '<article class="md-search-result__article md-typeset">' +
      "<h1>" + escape(title) + "</h1>" +
      (label ? '<p class="bf-search-result__kind">' + escape(label) + "</p>" : "") +
      (meta.kind ? "" : "<p>" + excerpt(data.excerpt || "") + "</p>") + // a name page's text is its title
      "</article></a>";
    li.firstChild.setAttribute("href", data.url);
    return li;
  }

  function dataOf(r) {
    if (!r.loaded) r.loaded = r.data();
    return r.loaded;
  }

  // Results in rank order, a page at a time: take(start, n) gives the fragments of results
  // start .. start + n - 1 (each a promise, so a result is shown as soon as it arrives).
  function ranked(results) {
    return {
      total: results.length,
      take: function (start, n) { return results.slice(start, start + n).map(dataOf); },
    };
  }

  // Several lists each sorted newest first (one per shard), merged by the date in their fragments.
  function merged(runs, total) {
    var heads = runs.map(function () { return 0; });
    var out = [];
    function dateOf(data) { return (data.meta && data.meta.date) || "0000-00-00"; }
    function step() {
      var live = [];
      runs.forEach(function (run, k) { if (heads[k] < run.length) live.push(k); });
      if (!live.length) return Promise.resolve(false);
      return Promise.all(live.map(function (k) { return dataOf(runs[k][heads[k]]); })).then(function (got) {
        var best = 0;
        for (var i = 1; i < live.length; i++) {
          if (dateOf(got[i]) > dateOf(got[best])) best = i; // ties: the lower shard first
        }
        var k = live[best];
        out.push(runs[k][heads[k]]);
        heads[k] += 1;
        if (heads[k] < runs[k].length) dataOf(runs[k][heads[k]]); // one ahead
        return true;
      });
    }
    function fill(n) {
      if (out.length >= n) return Promise.resolve();
      return step().then(function (more) { return more ? fill(n) : null; });
    }
    return {
      total: total,
      take: function (start, n) {
        var done = fill(start + n);
        var slots = [];
        for (var i = start; i < Math.min(start + n, total); i++) {
          slots.push(done.then((function (j) {
            return function () { return out[j] ? dataOf(out[j]) : null; };
          })(i)));
        }
        return slots;
      },
    };
  }

  function more(source, start, token) {
    var slice = source.take(start, PAGE);
    // Each result is shown as soon as its fragment arrives, in rank order.
    var slots = slice.map(function () { return document.createElement("li"); });
    var old = list.querySelector("[data-bf-search-more]");
    if (old) old.remove();
    slots.forEach(function (li) { li.hidden = true; list.appendChild(li); });
    return Promise.all(slice.map(function (promise, k) {
      return promise.then(function (data) {
        if (token !== current || !data) return;
        list.replaceChild(item(data), slots[k]);
      });
    })).then(function () {
      if (token !== current) return;
      if (start + PAGE < source.total) {
        var li = document.createElement("li");
        li.className = "md-search-result__item";
        li.setAttribute("data-bf-search-more", "");
        var link = document.createElement("a");
        link.className = "md-search-result__more";
        link.href = "#";
        link.textContent = root.getAttribute("data-more").replace("#", String(source.total - start - PAGE));
        link.addEventListener("click", function (ev) {
          ev.preventDefault();
          more(source, start + PAGE, token);
        });
        li.appendChild(link);
        list.appendChild(li);
      }
    });
  }

  // ---- Filters

  var languageNames = null;
  try { languageNames = new Intl.DisplayNames([document.documentElement.lang || "en"], { type: "language" }); }
  catch (e) { languageNames = null; }
  function valueLabel(key, value) {
    if (key === "language" && languageNames) {
      try { var name = languageNames.of(value); if (name && name !== value) return name; } catch (e) { /* not a code */ }
    }
    return value;
  }

  function chosen() {
    var filters = {};
    selects.forEach(function (select) {
      if (select.value) filters[select.getAttribute("data-bf-filter")] = select.value;
    });
    return filters;
  }

  var totals = null; // every value of every filter, with its count over the whole site
  // Fill each list with the values the results have (counts: with the other filters as chosen),
  // the most frequent first, and the chosen value always kept.
  function fillFilters(counts) {
    selects.forEach(function (select) {
      var key = select.getAttribute("data-bf-filter");
      var values = (counts && counts[key]) || {};
      var keep = select.value;
      var entries = Object.keys(values).filter(function (v) { return values[v] > 0 || v === keep; });
      entries.sort(function (a, b) {
        if (key === "year") return a < b ? 1 : a > b ? -1 : 0;
        return (values[b] - values[a]) || (a < b ? -1 : a > b ? 1 : 0);
      });
      entries = entries.slice(0, MAX_OPTIONS);
      if (keep && entries.indexOf(keep) < 0) entries.push(keep);
      var any = select.options[0];
      select.textContent = "";
      select.appendChild(any);
      entries.forEach(function (v) {
        var option = document.createElement("option");
        option.value = v;
        option.textContent = valueLabel(key, v) + " (" + (values[v] || 0) + ")";
        select.appendChild(option);
      });
      select.value = keep;
      select.disabled = entries.length === 0 && !keep;
    });
  }

  function openFilters(open) {
    filterBox.hidden = !open;
    filtersToggle.setAttribute("aria-expanded", open ? "true" : "false");
    if (open && !totals) {
      load().then(function (pf) { return pf.filters(); }).then(function (all) {
        totals = all || {};
        fillFilters(totals);
        // Pagefind counts a query's results per value once the filter lists are loaded: again
        if (input.value.trim() || Object.keys(chosen()).length) run();
      });
    }
  }

  var lastCounts = null;
  function showCounts(search) {
    // Pagefind's counts per value, given the query and the other filters; without a query, totals
    lastCounts = search && search.filters && Object.keys(search.filters).length ? search.filters : null;
    if (!filterBox.hidden || lastCounts) fillFilters(lastCounts || totals);
  }

  // ---- Searching

  function searchSorted(pf, query, filters) {
    var sort = { sort: { date: "desc" }, filters: filters };
    if (shardCount < 2) {
      return pf.search(query, sort).then(function (search) {
        return { search: search, source: ranked(search.results) };
      });
    }
    var runs = [];
    for (var k = 0; k < shardCount; k++) {
      var own = {};
      Object.keys(filters).forEach(function (key) { own[key] = filters[key]; });
      own[SHARD] = String(k);
      runs.push(pf.search(query, { sort: { date: "desc" }, filters: own }));
    }
    return Promise.all([pf.search(query, { filters: filters })].concat(runs)).then(function (got) {
      var lists = got.slice(1).map(function (s) { return s.results; });
      var total = lists.reduce(function (n, l) { return n + l.length; }, 0);
      return { search: got[0], source: merged(lists, total) };
    });
  }

  function run() {
    var query = input.value.trim();
    var filters = chosen();
    var filtered = Object.keys(filters).length > 0;
    var token = ++current;
    if (!query && !filtered) {
      list.innerHTML = "";
      meta.textContent = root.getAttribute("data-placeholder");
      if (!filterBox.hidden && totals) fillFilters(totals);
      return;
    }
    // With no words, a filter lists its briefings, newest first.
    var newest = sortSelect.value === "newest" || !query;
    load().then(function (pf) {
      if (newest) return searchSorted(pf, query || null, filters);
      return pf.search(query, { filters: filters }).then(function (search) {
        return search && { search: search, source: ranked(search.results) };
      });
    }).then(function (got) {
      if (token !== current || !got || !got.search) return;
      list.innerHTML = "";
      meta.textContent = count(got.source.total);
      showCounts(got.search);
      return more(got.source, 0, token);
    }).catch(function () {
      if (token === current) meta.textContent = root.getAttribute("data-error");
    });
  }

  tools.hidden = false;
  filtersToggle.addEventListener("click", function () { openFilters(filterBox.hidden); });
  selects.forEach(function (select) { select.addEventListener("change", run); });
  sortSelect.addEventListener("change", run);
  root.querySelector("[data-bf-filters-clear]").addEventListener("click", function () {
    selects.forEach(function (select) { select.value = ""; });
    run();
  });
  // Keys typed in the controls are theirs: Material's keyboard handler expects its own search.
  [tools, filterBox].forEach(function (box) {
    box.addEventListener("keydown", function (ev) {
      ev.stopPropagation();
      if (ev.key === "Escape") { toggle.checked = false; }
    });
  });

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, pagefind ? 60 : 0);
  });
  input.addEventListener("focus", function () {
    load();
    if (!toggle.checked) { toggle.checked = true; }
  });
  input.addEventListener("keydown", function (ev) {
    ev.stopPropagation(); // Material's keyboard handler expects its own search
    if (ev.key === "Escape") {
      toggle.checked = false;
      input.blur();
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      var first = list.querySelector(".md-search-result__link");
      if (first) window.location.href = first.href;
    }
  });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  // Start loading the search code as soon as the reader heads for the box.
  ["pointerenter", "touchstart"].forEach(function (type) {
    form.addEventListener(type, function () { load(); }, { once: true, passive: true });
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { run(); input.focus(); }, 0);
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) { load(); setTimeout(function () { input.focus(); }, 50); }
  });
  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    var typing = t && (t.isContentEditable || /^(input|textarea|select)$/i.test(t.tagName));
    if (!typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey && (ev.key === "/" || ev.key === "s" || ev.key === "f")) {
      ev.preventDefault();
      ev.stopPropagation();
      toggle.checked = true;
      input.focus();
    }
  }, true);
})();
