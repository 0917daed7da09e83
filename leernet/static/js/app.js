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

  // Meeting form: how often and until when only once "repeat" is chosen; until then a
  // year after the first date is proposed.
  function syncRepeat(root) {
    (root.querySelectorAll ? root : document).querySelectorAll("select[name=repeat]")
      .forEach(function (select) {
        var part = select.form.querySelector("[data-for-repeat]");
        if (!part) return;
        part.hidden = !select.value;
        var until = select.form.elements.until, first = select.form.elements.date;
        if (select.value && until && !until.value && first && first.value) {
          var day = new Date(first.value + "T12:00:00Z");
          day.setUTCFullYear(day.getUTCFullYear() + 1);
          until.value = day.toISOString().slice(0, 10);
        }
      });
  }
  document.addEventListener("change", function (event) {
    if (event.target.matches("select[name=repeat]")) syncRepeat(document);
  });
  document.addEventListener("DOMContentLoaded", function () { syncRepeat(document); });
  document.addEventListener("htmx:load", function (event) { syncRepeat(event.target); });

  // Minutes: unsaved text stays in this tab, so a dropped connection loses nothing.
  // sessionStorage, never localStorage: a draft of confidential notes must not outlive
  // the tab, the save, or the logout (and case expiry cannot reach a browser).
  function stored(key) {
    try {
      return JSON.parse(sessionStorage.getItem("leernet:" + key) || "null");
    } catch (e) { return null; }
  }
  function forgetDrafts(storage) {
    try {
      Object.keys(storage).forEach(function (key) {
        if (key.indexOf("leernet:") === 0) storage.removeItem(key);
      });
    } catch (e) { /* no storage */ }
  }
  forgetDrafts(window.localStorage);  // drafts kept there by earlier versions
  document.addEventListener("submit", function (event) {
    if (!event.target.matches("form[data-logout]")) return;
    forgetDrafts(window.sessionStorage);
    try { sessionStorage.removeItem("htmx-history-cache"); } catch (e) { /* none */ }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var area = event.detail.elt;
    if (area && area.matches && area.matches("textarea[data-autosave]") && event.detail.successful) {
      try { sessionStorage.removeItem("leernet:" + area.getAttribute("data-autosave")); } catch (e) { /* none */ }
    }
  });
  document.addEventListener("input", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("textarea[data-autosave]")) return;
    var entry = { base: +box.getAttribute("data-base"), text: box.value };
    var key = "leernet:" + box.getAttribute("data-autosave");
    try { sessionStorage.setItem(key, JSON.stringify(entry)); } catch (e) { /* full or private */ }
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
        try { sessionStorage.removeItem("leernet:" + key); } catch (e) { /* nothing kept */ }
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
   phase (colour, vibration, a soft tone after a first tap); keep the screen awake. The
   countdown needs nothing but this script: it runs even if htmx never loads. It ticks
   once a second, on the second the digits change, and not while the page is hidden. */
(function () {
  "use strict";
  var live = { el: null, deadline: 0, left: 0, total: 0, running: false, ended: true,
    status: "" };
  var lock = null, audio = null, timerId = null;

  function text(ms) {
    var over = ms <= 0, s = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
    return (over && s ? "+" : "") + Math.floor(s / 60) + ":" + ("0" + (s % 60)).slice(-2);
  }
  function remaining() { return live.running ? live.deadline - Date.now() : live.left; }

  function setup() {
    var el = document.getElementById("live"), before = live.status;
    live.el = el;
    if (el) {
      var d = el.dataset;
      live.total = +d.total || 0;
      live.running = d.status === "running";
      live.left = +d.remaining || 0;
      live.deadline = Date.now() + (+d.deadline - +d.serverNow);
      live.ended = d.status === "ready" || remaining() <= 0;
      live.status = d.status;
      // After the start the clock and the controls are what matter: bring them in view.
      if (before === "ready" && d.status === "running" && el.getBoundingClientRect().top < 0) {
        el.scrollIntoView({ block: "start" });
      }
    }
    wake();
    schedule();
  }

  function schedule() {
    clearTimeout(timerId);
    timerId = null;
    tick();
    if (!live.el || document.visibilityState === "hidden") return;
    var left = remaining(), wait = 1000;
    if (live.running) wait = ((left % 1000) + 1000) % 1000 || 1000;  // the next change
    timerId = setTimeout(schedule, wait + 5);
  }

  function tick() {
    var el = live.el;
    if (!el || !el.isConnected) return;
    var left = remaining(), over = left <= 0 && /running|paused/.test(el.dataset.status);
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

  document.addEventListener("visibilitychange", function () { wake(); schedule(); });
  // Deferred before htmx (base.html): the page is parsed now, while DOMContentLoaded would
  // wait for htmx to arrive too. Start the countdown at once.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
  // A new #live (a swap, or another page through hx-boost); not htmx starting up on this
  // page, which would restart the count from the page's figures, seconds late by now.
  document.addEventListener("htmx:load", function () {
    if (document.getElementById("live") !== live.el) setup();
  });
})();

/* The live view's link to the server (htmx's requests): before a new fragment replaces
   the old one, save a note still waiting to be sent and never swap an error page in;
   show within seconds that the server is out of reach and when it is back; and keep a
   press made meanwhile, to send it (with the version its presser saw, so a stale press
   is refused, not doubled) when the connection returns, unless its presser cancels. */
(function () {
  "use strict";
  var lost = false, pending = null, backTimer = null;

  function bar() { return document.querySelector("[data-connection]"); }
  function show() {
    var el = bar();
    if (!el) return;
    el.querySelector("[data-lost]").hidden = !lost;
    el.querySelector("[data-back]").hidden = lost || !!pending || !backTimer;
    el.querySelector("[data-pending]").hidden = !pending;
    el.hidden = !lost && !pending && !backTimer;
    document.documentElement.classList.toggle("offline", lost);
  }
  function toLive(detail) {
    var target = detail.target || (detail.requestConfig && detail.requestConfig.target);
    return !!target && target.id === "live";
  }

  function failed(event) {
    var detail = event.detail, config = detail.requestConfig || {};
    if (!toLive(detail)) return;
    lost = true;
    clearTimeout(backTimer);
    backTimer = null;
    if (config.verb && config.verb !== "get") {
      var values = {};
      (config.formData || new FormData()).forEach(function (value, key) { values[key] = value; });
      pending = { path: config.path, values: values };
    }
    show();
  }
  document.addEventListener("htmx:sendError", failed);
  document.addEventListener("htmx:timeout", failed);

  document.addEventListener("htmx:afterRequest", function (event) {
    var xhr = event.detail.xhr;
    if (!xhr || !xhr.status || !lost) return;
    lost = false;
    backTimer = setTimeout(function () { backTimer = null; show(); }, 3000);
    if (pending && window.htmx) {
      var press = pending;
      pending = null;
      window.htmx.ajax("POST", press.path, { source: "#live", target: "#live",
        swap: "outerHTML", values: press.values });
    }
    show();
  });

  document.addEventListener("click", function (event) {
    if (!event.target.closest("[data-cancel]")) return;
    pending = null;
    show();
  });

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
    // A card sent: empty its box, which the new view keeps (hx-preserve).
    var from = event.detail.requestConfig && event.detail.requestConfig.elt;
    var box = document.getElementById("card-text");
    if (status === 200 && box && from && from.matches && from.matches("[data-card-form]")) {
      box.value = "";
    }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var elt = event.detail.elt;
    if (!elt || !elt.matches || !event.detail.successful) return;
    if (elt.matches("[data-autosave]")) elt.defaultValue = elt.value;
  });
})();

/* Notifications (issue 18): the service worker, and push on and off for this device from
   "How I hear about things". Registered after the page has loaded, so it costs the
   first load nothing. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js").catch(function () { /* no offline page */ });
  });

  function key(base64) {
    var padded = (base64 + "===".slice((base64.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    return Uint8Array.from(atob(padded), function (c) { return c.charCodeAt(0); });
  }

  function post(url, body) {
    var token = JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"];
    return fetch(url, {
      method: "POST", credentials: "same-origin", body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", "X-CSRFToken": token },
    });
  }

  function show(panel, state, text) {
    var line = panel.querySelector(".push-state");
    line.textContent = text || line.getAttribute("data-" + state);
  }

  function setup(root) {
    var panel = root.querySelector && root.querySelector(".push-panel");
    if (!panel || panel.getAttribute("data-ready")) return;
    panel.setAttribute("data-ready", "1");
    if (!("PushManager" in window) || !window.isSecureContext) return;
    panel.hidden = false;
    var missing = document.querySelector(".push-missing");
    if (missing) missing.hidden = true;
    navigator.serviceWorker.register("/sw.js").then(function (registration) {
      return registration.pushManager.getSubscription();
    }).then(function (subscription) {
      show(panel, subscription ? "on" : "off");
    });
    panel.addEventListener("click", function (event) {
      var button = event.target.closest("[data-push]");
      if (!button) return;
      var on = button.getAttribute("data-push") === "on";
      navigator.serviceWorker.register("/sw.js").then(function () {
        return navigator.serviceWorker.ready;
      }).then(function (registration) {
        return registration.pushManager.getSubscription().then(function (existing) {
          if (!on) {
            if (!existing) return "off";
            return existing.unsubscribe().then(function () {
              return post(panel.getAttribute("data-push-remove"), { endpoint: existing.endpoint });
            }).then(function () { return "off"; });
          }
          return Notification.requestPermission().then(function (permission) {
            if (permission !== "granted") return "denied";
            return (existing || registration.pushManager.subscribe({
              userVisibleOnly: true, applicationServerKey: key(panel.getAttribute("data-push-key")),
            })).then(function (subscription) {
              var body = subscription.toJSON();
              body.label = (navigator.userAgentData && navigator.userAgentData.platform) ||
                navigator.platform || "";
              return post(panel.getAttribute("data-push-add"), body);
            }).then(function (response) {
              if (response.ok) return "on";
              return response.json().then(function (answer) { show(panel, "failed", answer.error); return null; });
            });
          });
        });
      }).then(function (state) {
        if (state) show(panel, state);
      }).catch(function () { show(panel, "failed"); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { setup(document); });
  document.addEventListener("htmx:load", function (event) { setup(event.target); });
})();
