/* leernet's own small script: behaviour that the CSP keeps out of the markup.
   Copy buttons and confirmation prompts; features add their own sections. */
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
})();
