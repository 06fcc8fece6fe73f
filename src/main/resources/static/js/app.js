// Behaviour shared by every page (docs/web.md). Page-specific scripts go in their own file under /js/.
(function () {
  "use strict";

  // CSRF for htmx: every htmx request carries the session's token in the header Spring Security expects.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // Theme switch: system -> light -> dark -> system, remembered in localStorage.
  var order = ["system", "light", "dark"];
  function current() {
    return document.documentElement.getAttribute("data-theme") || "system";
  }
  function label(button) {
    var text = button.dataset["label" + current().charAt(0).toUpperCase() + current().slice(1)];
    if (text) {
      button.setAttribute("aria-label", text);
      button.title = text;
    }
    button.dataset.theme = current();
  }
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("theme-toggle");
    if (!button) {
      return;
    }
    label(button);
    button.addEventListener("click", function () {
      var next = order[(order.indexOf(current()) + 1) % order.length];
      if (next === "system") {
        document.documentElement.removeAttribute("data-theme");
      } else {
        document.documentElement.setAttribute("data-theme", next);
      }
      try {
        if (next === "system") {
          localStorage.removeItem("tonearm-theme");
        } else {
          localStorage.setItem("tonearm-theme", next);
        }
      } catch (e) { /* storage disabled: the choice lasts for this page */ }
      label(button);
    });
  });
})();
