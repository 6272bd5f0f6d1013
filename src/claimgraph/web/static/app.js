// claimgraph Read view: show a statement's details, light up an entity's mentions.
// Loaded from /static (the page's CSP forbids inline script); it only toggles classes and
// the `hidden` attribute of elements the server rendered (escaped): it never writes HTML.
(function () {
  "use strict";
  var current = null;

  function pieces(id) {
    return document.querySelectorAll('[data-item="' + CSS.escape(id) + '"]');
  }

  function show(id, fromList) {
    var detail = document.getElementById("detail-" + id);
    if (!detail) return;
    var box = document.getElementById("detail-box");
    var hint = document.getElementById("detail-hint");
    if (current) {
      var old = document.getElementById("detail-" + current);
      if (old) old.hidden = true;
      pieces(current).forEach(function (el) { el.classList.remove("active"); });
      var oldHead = document.getElementById("st-" + current);
      if (oldHead) oldHead.setAttribute("aria-expanded", "false");
    }
    current = id;
    detail.hidden = false;
    if (hint) hint.hidden = true;
    if (box) box.classList.add("open");
    addClose(box);
    pieces(id).forEach(function (el) { el.classList.add("active"); });
    var head = document.getElementById("st-" + id);
    if (head) {
      head.setAttribute("aria-expanded", "true");
      if (fromList) { head.scrollIntoView({ block: "center" }); head.focus({ preventScroll: true }); }
    }
  }

  function addClose(box) {
    if (!box || document.getElementById("detail-close")) return;
    var btn = document.createElement("button");
    btn.type = "button";
    btn.id = "detail-close";
    btn.textContent = "Close";
    btn.setAttribute("aria-label", "Close the statement details");
    btn.addEventListener("click", function () {
      if (current) {
        var d = document.getElementById("detail-" + current);
        if (d) d.hidden = true;
        pieces(current).forEach(function (el) { el.classList.remove("active"); });
        var head = document.getElementById("st-" + current);
        if (head) { head.setAttribute("aria-expanded", "false"); head.focus(); }
      }
      current = null;
      box.classList.remove("open");
      var hint = document.getElementById("detail-hint");
      if (hint) hint.hidden = false;
    });
    box.insertBefore(btn, box.firstChild);
  }

  function toggleEntity(btn) {
    var id = btn.getAttribute("data-ent");
    var on = btn.getAttribute("aria-pressed") !== "true";
    btn.setAttribute("aria-pressed", on ? "true" : "false");
    var marks = document.querySelectorAll('#text-view [data-ent="' + CSS.escape(id) + '"]');
    marks.forEach(function (el) { el.classList.toggle("lit", on); });
    if (on && marks.length) marks[0].scrollIntoView({ block: "center" });
  }

  document.addEventListener("click", function (ev) {
    var t = ev.target;
    if (!(t instanceof Element)) return;
    var go = t.closest("[data-goto]");
    if (go) { ev.preventDefault(); show(go.getAttribute("data-goto"), true); return; }
    var ent = t.closest(".ent-btn");
    if (ent) { toggleEntity(ent); return; }
    var st = t.closest("#text-view [data-item]");
    if (st) show(st.getAttribute("data-item"), false);
  });

  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if (!(t instanceof Element) || !t.matches("#text-view [data-item][tabindex]")) return;
    if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); show(t.getAttribute("data-item"), false); }
  });

  // the Read form: say that the article is being read (a long one takes a few seconds)
  var form = document.getElementById("read-form");
  if (form) {
    form.addEventListener("submit", function () {
      var button = document.getElementById("read-button");
      if (button) { button.disabled = true; button.textContent = "Reading…"; }
      form.setAttribute("aria-busy", "true");
    });
    window.addEventListener("pageshow", function () {  // back to a page kept in memory
      var button = document.getElementById("read-button");
      if (button) { button.disabled = false; button.textContent = "Read"; }
      form.removeAttribute("aria-busy");
    });
  }

  function fromHash() {
    var m = /^#st-(.+)$/.exec(window.location.hash);
    if (m) show(decodeURIComponent(m[1]), true);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fromHash);
  else fromHash();
})();
