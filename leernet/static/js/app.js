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

/* The live intervision timer: count down locally from the server's deadline, corrected
   for the phone's clock (deadline + (now here - now on the server)); mark the end of a
   phase (colour, vibration, a soft tone after a first tap); keep the screen awake. */
(function () {
  "use strict";
  var live = { el: null, deadline: 0, left: 0, total: 0, running: false, ended: true };
  var lock = null, audio = null;

  function text(ms) {
    var over = ms <= 0, s = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
    return (over && s ? "+" : "") + Math.floor(s / 60) + ":" + ("0" + (s % 60)).slice(-2);
  }
  function remaining() { return live.running ? live.deadline - Date.now() : live.left; }

  function setup() {
    var el = document.getElementById("live");
    live.el = el;
    if (el) {
      var d = el.dataset;
      live.total = +d.total || 0;
      live.running = d.status === "running";
      live.left = +d.remaining || 0;
      live.deadline = Date.now() + (+d.deadline - +d.serverNow);
      live.ended = d.status === "ready" || remaining() <= 0;
    }
    wake();
    tick();
  }

  function tick() {
    var el = live.el;
    if (!el || !el.isConnected) return;
    var left = remaining(), over = left <= 0 && el.dataset.status !== "ready";
    var clock = el.querySelector("[data-countdown]"), bar = el.querySelector("[data-progress]");
    if (clock) { clock.textContent = text(left); clock.setAttribute("data-left", Math.round(left)); }
    if (bar && live.total) bar.value = Math.max(0, Math.min(live.total, live.total - left));
    el.classList.toggle("over", over);
    var note = el.querySelector("[data-time-up]");
    if (note) note.hidden = !over;
    if (over && !live.ended) { live.ended = true; signal(); }
  }

  function signal() {
    if (navigator.vibrate) { try { navigator.vibrate([200, 100, 200]); } catch (e) { /* not allowed */ } }
    if (!audio || audio.state !== "running") return;
    var osc = audio.createOscillator(), gain = audio.createGain(), t = audio.currentTime;
    osc.frequency.value = 660;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.2, t + 0.05);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.6);
    osc.connect(gain).connect(audio.destination);
    osc.start(t);
    osc.stop(t + 0.65);
  }

  function wake() {
    var want = !!(live.el && /running|paused/.test(live.el.dataset.status)) &&
      document.visibilityState === "visible";
    if (want && !lock && navigator.wakeLock) {
      lock = "pending";
      navigator.wakeLock.request("screen").then(function (l) {
        lock = l;
        l.addEventListener("release", function () { if (lock === l) lock = null; });
      }, function () { lock = null; });
    } else if (!want && lock && lock !== "pending") {
      lock.release();
      lock = null;
    }
  }

  // Sound is only allowed after a gesture: the first tap on a live page unlocks it.
  document.addEventListener("pointerdown", function () {
    if (!live.el) return;
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!audio && Ctx) { try { audio = new Ctx(); } catch (e) { audio = null; } }
    if (audio && audio.state === "suspended") audio.resume();
  }, { passive: true });

  // Before a new fragment replaces the old one: save a note still waiting to be sent,
  // and never swap an error page into the live view.
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (!event.detail.target || event.detail.target.id !== "live") return;
    var status = event.detail.xhr.status;
    if (status >= 400 && status !== 409 && status !== 422) {
      event.detail.shouldSwap = false;
      return;
    }
    event.detail.target.querySelectorAll("[data-autosave]").forEach(function (area) {
      if (area.value !== area.defaultValue && window.htmx) window.htmx.trigger(area, "save");
    });
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var area = event.detail.elt;
    if (area && area.matches && area.matches("[data-autosave]") && event.detail.successful) {
      area.defaultValue = area.value;
    }
  });

  document.addEventListener("visibilitychange", wake);
  // Deferred before htmx (base.html): the page is parsed now, while DOMContentLoaded would
  // wait for htmx to arrive too. Start the countdown at once.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
  // A new #live (a swap, or another page through hx-boost); not htmx starting up on this
  // page, which would restart the count from the page's figures, seconds late by now.
  document.addEventListener("htmx:load", function () {
    if (document.getElementById("live") !== live.el) setup();
  });
  setInterval(tick, 250);
})();
