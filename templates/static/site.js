/* lawdiff site script: redline style and view switches, change navigator, collapsible
   unchanged provisions.  Every page reads fine without it. */
(function () {
  "use strict";
  var html = document.documentElement;
  html.classList.remove("no-js");
  html.classList.add("js");

  function remember(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* file:// or private mode */ } }
  function recall(key) { try { return localStorage.getItem(key); } catch (e) { return null; } }

  function bindChoice(name, attr, fallback) {
    var inputs = document.querySelectorAll('input[name="' + name + '"]');
    if (!inputs.length) { return; }
    function apply(value) {
      html.setAttribute(attr, value);
      inputs.forEach(function (i) { i.checked = i.value === value; });
      remember(name, value);
    }
    inputs.forEach(function (i) { i.addEventListener("change", function () { if (i.checked) { apply(i.value); } }); });
    var saved = recall(name);
    var valid = Array.prototype.some.call(inputs, function (i) { return i.value === saved; });
    apply(valid ? saved : fallback);
  }
  bindChoice("rl-style", "data-rl-style", "strike");
  bindChoice("rl-view", "data-rl-view", "sbs");

  // unchanged provisions: collapsed runs with a button to open each
  document.querySelectorAll("tbody.run-equal").forEach(function (body) {
    var button = body.querySelector(".run-toggle");
    if (!button) { return; }
    function set(open) {
      body.classList.toggle("collapsed", !open);
      button.setAttribute("aria-expanded", open ? "true" : "false");
      button.textContent = (open ? "Hide " : "Show ") + button.getAttribute("data-label");
    }
    button.addEventListener("click", function () { set(body.classList.contains("collapsed")); });
    set(false);
  });

  // a link into folded content (a topic page's instrument table) opens the fold and shows its target
  function unfold() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    var fold = target && target.closest("details:not([open])");
    if (fold) { fold.open = true; target.scrollIntoView(); }
  }
  unfold();
  window.addEventListener("hashchange", unfold);

  // phones: the contents and the defined terms start folded, the provisions first on screen
  if (window.matchMedia && window.matchMedia("(max-width: 52rem)").matches) {
    document.querySelectorAll("details.toc-part").forEach(function (d) { d.open = false; });
  }

  // previous/next change, "n of N", in whichever view is showing
  var nav = document.querySelector(".navigator");
  if (nav) {
    var pos = nav.querySelector(".nav-pos");
    // "1 of N" from the start: the first change is where Next goes (current 0: none shown yet)
    var current = 0;
    function counter(n) { var total = changes().length; return (total ? n : 0) + " of " + total; }
    var narrow = window.matchMedia ? window.matchMedia("(max-width: 40rem)") : { matches: false };
    function changes() {
      // phones always show the inline view (site.css)
      var view = html.getAttribute("data-rl-view") === "inline" || narrow.matches ? ".view-inline" : ".view-sbs";
      return document.querySelectorAll(view + " [data-change]");
    }
    function go(step, to) {
      var list = changes();
      if (!list.length) { return; }
      current = Math.min(Math.max(to || current + step, 1), list.length);
      document.querySelectorAll("tr.current").forEach(function (r) { r.classList.remove("current"); });
      var row = list[current - 1];
      var body = row.closest("tbody.collapsed");
      if (body) { body.querySelector(".run-toggle").click(); }
      row.classList.add("current");
      row.focus({ preventScroll: true });
      row.scrollIntoView({ block: "center" });
      if (history.replaceState) { history.replaceState(null, "", "#" + row.id); }
      pos.textContent = counter(current);
    }
    // the summary's links: to the change in whichever view is showing
    document.querySelectorAll("a[data-change-link]").forEach(function (a) {
      a.addEventListener("click", function (e) { e.preventDefault(); go(0, parseInt(a.getAttribute("data-change-link"), 10)); });
    });
    nav.querySelector(".nav-prev").addEventListener("click", function () { go(-1); });
    nav.querySelector(".nav-next").addEventListener("click", function () { go(1); });
    document.addEventListener("keydown", function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey || /INPUT|TEXTAREA|SELECT/.test(e.target.tagName)) { return; }
      if (e.key === "n" || e.key === "j") { go(1); }
      if (e.key === "p" || e.key === "k") { go(-1); }
    });
    document.querySelectorAll('input[name="rl-view"]').forEach(function (i) {
      i.addEventListener("change", function () { current = 0; pos.textContent = counter(1); });
    });
  }
})();
