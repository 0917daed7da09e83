/* leernet's own small script: behaviour that the CSP keeps out of the markup.
   Copy buttons, confirmation prompts, and features' own sections. */
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var copy = event.target.closest("[data-copy]");
    if (copy) {
      var field = document.querySelector(copy.getAttribute("data-copy"));
      if (!field) return;
      var done = function () {
        var label = copy.textContent;
        copy.textContent = copy.getAttribute("data-copied") || label;
        setTimeout(function () { copy.textContent = label; }, 2000);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () { field.select(); });
      } else {
        field.select();
        try { document.execCommand("copy"); done(); } catch (e) { /* selected for manual copy */ }
      }
    }
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) window.print();
  });

  document.addEventListener("submit", function (event) {
    var button = event.submitter || event.target.querySelector("[data-confirm]");
    var message = button && button.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // Proposal form: the quorum and threshold only matter for a majority vote.
  function syncMethod(root) {
    (root.querySelectorAll ? root : document).querySelectorAll("select[data-method]")
      .forEach(function (select) {
        select.form.querySelectorAll("[data-for-method]").forEach(function (part) {
          part.hidden = part.getAttribute("data-for-method") !== select.value;
        });
      });
  }
  document.addEventListener("change", function (event) {
    if (event.target.matches("select[data-method]")) syncMethod(document);
  });
  document.addEventListener("DOMContentLoaded", function () { syncMethod(document); });
  document.addEventListener("htmx:load", function (event) { syncMethod(event.target); });

  // Minutes: unsaved text stays in this browser, so a dropped connection loses nothing.
  function stored(key) {
    try {
      return JSON.parse(localStorage.getItem("leernet:" + key) || "null");
    } catch (e) { return null; }
  }
  document.addEventListener("input", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("textarea[data-autosave]")) return;
    var entry = { base: +box.getAttribute("data-base"), text: box.value };
    var key = "leernet:" + box.getAttribute("data-autosave");
    try { localStorage.setItem(key, JSON.stringify(entry)); } catch (e) { /* full or private */ }
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-draft-restore]");
    if (!button) return;
    var box = button.form.querySelector("textarea[data-autosave]");
    var kept = stored(box.getAttribute("data-autosave"));
    if (kept) {
      box.value = kept.text;
      box.dispatchEvent(new Event("input", { bubbles: true }));
    }
    button.closest("[data-draft-offer]").hidden = true;
  });
  function drafts(root) {
    root.querySelectorAll("textarea[data-autosave]").forEach(function (box) {
      var kept = stored(box.getAttribute("data-autosave"));
      var offer = box.form.querySelector("[data-draft-offer]");
      if (kept && offer && kept.text !== box.value) offer.hidden = false;
    });
    root.querySelectorAll("[data-draft-key]").forEach(function (doc) {
      var key = doc.getAttribute("data-draft-key"), kept = stored(key);
      if (kept && doc.getAttribute("data-mine") === "1" && kept.base < +doc.getAttribute("data-head")) {
        try { localStorage.removeItem("leernet:" + key); } catch (e) { /* nothing kept */ }
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () { drafts(document); });
  document.addEventListener("htmx:load", function (event) {
    if (event.target.querySelectorAll) drafts(event.target);
  });
})();
