/* Results as you type: a few matching titles under the search box.

   A pause in typing (DELAY ms, at least MIN_CHARS characters) asks the JSON API
   of the same site for the first matches and lists their titles as links.
   Titles come from arbitrary articles, so they are inserted with textContent
   only, never as markup. Everything here is an addition: without this script
   the form submits as before, and Enter still runs the full search.

   The word being typed is unfinished, so a last plain word (letters and
   digits only, not an operator) is searched as a prefix: "موس" asks "موس*";
   when that finds nothing, the words are asked as typed.

   Keys: Down/Up move between the box and the links, Escape closes the list,
   Tab reaches the links in page order. */
(function () {
  "use strict";

  var DELAY = 250;
  var MIN_CHARS = 2;
  var LIMIT = 6;
  var PLAIN_LAST_WORD = /(^|\s)[\p{L}\p{M}\p{N}]{2,}$/u;
  var OPERATORS = /(^|\s)(AND|OR|NOT)$/;

  function asTyped(text) {
    return PLAIN_LAST_WORD.test(text) && !OPERATORS.test(text) ? text + "*" : text;
  }

  function start() {
    var box = document.getElementById("q");
    if (!box || !box.dataset.suggestUrl || !window.fetch) {
      return;
    }
    var list = document.createElement("ul");
    list.id = "q-typeahead";
    list.className = "typeahead";
    list.hidden = true;
    list.setAttribute("aria-label", box.dataset.suggestLabel || "");
    box.parentNode.appendChild(list);
    box.setAttribute("aria-controls", list.id);
    box.setAttribute("aria-autocomplete", "list");
    box.setAttribute("aria-expanded", "false");

    var timer = null;
    var asked = 0;
    var exact = box.form ? box.form.querySelector("input[name=exact]") : null;

    function close() {
      list.hidden = true;
      box.setAttribute("aria-expanded", "false");
    }

    function links() {
      return Array.prototype.slice.call(list.querySelectorAll("a"));
    }

    function articleUrl(id, query) {
      var base = box.dataset.articleUrl.replace(/_$/, "");
      return base + encodeURIComponent(id) + "?q=" + encodeURIComponent(query);
    }

    function show(query, hits) {
      list.textContent = "";
      hits.forEach(function (hit) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = articleUrl(hit.id, query);
        link.textContent = hit.title || hit.id;
        if (hit.lang) {
          link.lang = hit.lang;
        }
        link.dir = "auto";
        item.appendChild(link);
        list.appendChild(item);
      });
      list.hidden = hits.length === 0;
      box.setAttribute("aria-expanded", hits.length ? "true" : "false");
    }

    function hitsFor(query) {
      var params = new URLSearchParams({ q: query, limit: String(LIMIT), group: "false" });
      if (exact && exact.checked) {
        params.set("exact", "1");
      }
      return fetch(box.dataset.suggestUrl + "?" + params.toString(), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : { hits: [] };
        })
        .then(function (answer) {
          return answer.hits || [];
        });
    }

    function ask() {
      var typed = box.value.trim();
      if (typed.length < MIN_CHARS) {
        close();
        return;
      }
      var number = ++asked;
      var prefix = asTyped(typed);
      // A whole word written with accents or a clitic may match as typed but not as a prefix.
      hitsFor(prefix)
        .then(function (hits) {
          if (hits.length || prefix === typed || number !== asked) {
            return { query: prefix, hits: hits };
          }
          return hitsFor(typed).then(function (plain) {
            return { query: typed, hits: plain };
          });
        })
        .then(function (found) {
          if (number === asked) {
            show(found.query, found.hits);
          }
        })
        .catch(function () {
          if (number === asked) {
            close();
          }
        });
    }

    box.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, DELAY);
    });

    box.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && !list.hidden && links().length) {
        event.preventDefault();
        links()[0].focus();
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault(); // the first Escape closes the list; the next one clears the box
        close();
      }
    });

    list.addEventListener("keydown", function (event) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && at < all.length - 1) {
        event.preventDefault();
        all[at + 1].focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        (at > 0 ? all[at - 1] : box).focus();
      } else if (event.key === "Escape") {
        close();
        box.focus();
      }
    });

    box.parentNode.addEventListener("focusout", function () {
      window.setTimeout(function () {
        if (!box.parentNode.contains(document.activeElement)) {
          close();
        }
      }, 0);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
