// Applies the stored theme choice before the page paints (docs/web.md#themes). No choice: the CSS follows
// prefers-color-scheme. A file, not an inline script: the CSP allows script-src 'self' only.
(function () {
  try {
    var theme = localStorage.getItem("tonearm-theme");
    if (theme === "light" || theme === "dark") {
      document.documentElement.setAttribute("data-theme", theme);
    }
  } catch (e) { /* storage disabled: follow the system */ }
})();
