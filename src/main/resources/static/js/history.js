// History page (docs/web.md): delete with undo. The row is hidden and the DELETE is sent only after the undo time,
// or when the page is left; "Undo" shows the row again and nothing was ever deleted.
(function () {
  "use strict";
  var pending = null;

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var h = {};
    if (token && header) {
      h[header.content] = token.content;
    }
    return h;
  }

  function commit() {
    if (!pending) {
      return;
    }
    var p = pending;
    pending = null;
    clearTimeout(p.timer);
    document.getElementById("undo-bar").hidden = true;
    fetch("/ui/history/" + p.row.dataset.id, { method: "DELETE", headers: csrf(), keepalive: true,
      credentials: "same-origin" }).then(function (r) {
      if (r.ok || r.status === 404) {
        p.row.remove();
      } else {
        p.row.hidden = false;
      }
    });
  }

  function undo() {
    if (!pending) {
      return;
    }
    clearTimeout(pending.timer);
    pending.row.hidden = false;
    var button = pending.row.querySelector(".delete-listen");
    pending = null;
    document.getElementById("undo-bar").hidden = true;
    if (button) {
      button.focus();
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".delete-listen");
    if (button) {
      commit();
      var row = button.closest("li");
      var list = document.getElementById("listens");
      var seconds = parseInt(list.dataset.seconds || "8", 10);
      row.hidden = true;
      pending = { row: row, timer: setTimeout(commit, seconds * 1000) };
      document.getElementById("undo-bar").hidden = false;
      document.getElementById("undo-button").focus();
    } else if (event.target.id === "undo-button") {
      undo();
    }
  });
  window.addEventListener("pagehide", commit);
})();
