/* Site search over the Pagefind index (see theme/partials/search.html and generator/search.py).
 *
 * The dialog is moved into Material's header and styled by Material's CSS; Material's own search
 * code never sees it (no data-md-component attributes), and our keys don't reach Material's
 * keyboard handler. Pagefind's script and index load on first use: the chunks for the words
 * typed, then one fragment per result shown. Links resolve under any base path (/REPO/). */
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
        return Promise.resolve(pf.options({ baseUrl: siteRoot, excerptLength: 30 }))
          .then(function () { return pf.init ? pf.init() : null; })
          .then(function () {
            return Promise.all(got[1].map(function (name) {
              return pf.mergeIndex(new URL(name, new URL("..", bundle)).pathname, { baseUrl: siteRoot });
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
    var title = (data.meta && data.meta.title) || data.url;
    li.innerHTML =
      '<a class="md-search-result__link" tabindex="-1">' +
      '<article class="md-search-result__article md-typeset">' +
      "<h1>" + escape(title) + "</h1>" +
      "<p>" + excerpt(data.excerpt || "") + "</p>" +
      "</article></a>";
    li.firstChild.setAttribute("href", data.url);
    return li;
  }

  function more(results, start, token) {
    var slice = results.slice(start, start + PAGE);
    // Each result is shown as soon as its fragment arrives, in rank order.
    var slots = slice.map(function () { return document.createElement("li"); });
    var old = list.querySelector("[data-bf-search-more]");
    if (old) old.remove();
    slots.forEach(function (li) { li.hidden = true; list.appendChild(li); });
    return Promise.all(slice.map(function (r, k) {
      return r.data().then(function (data) {
        if (token !== current) return;
        list.replaceChild(item(data), slots[k]);
      });
    })).then(function () {
      if (token !== current) return;
      if (start + PAGE < results.length) {
        var li = document.createElement("li");
        li.className = "md-search-result__item";
        li.setAttribute("data-bf-search-more", "");
        var link = document.createElement("a");
        link.className = "md-search-result__more";
        link.href = "#";
        link.textContent = root.getAttribute("data-more").replace("#", String(results.length - start - PAGE));
        link.addEventListener("click", function (ev) {
          ev.preventDefault();
          more(results, start + PAGE, token);
        });
        li.appendChild(link);
        list.appendChild(li);
      }
    });
  }

  function run() {
    var query = input.value.trim();
    var token = ++current;
    if (!query) {
      list.innerHTML = "";
      meta.textContent = root.getAttribute("data-placeholder");
      return;
    }
    load().then(function (pf) {
      return pf.search(query);
    }).then(function (search) {
      if (token !== current || !search) return;
      list.innerHTML = "";
      meta.textContent = count(search.results.length);
      return more(search.results, 0, token);
    }).catch(function () {
      if (token === current) meta.textContent = root.getAttribute("data-error");
    });
  }

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
