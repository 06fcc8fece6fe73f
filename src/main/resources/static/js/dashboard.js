// The dashboard (docs/web.md#the-dashboard): the range picker's extra fields and the timeline chart (uPlot).
// Everything else — range changes, live updates — is htmx markup; without this file the page still works.
(function () {
  "use strict";

  // Logging out ends this page's live stream on the server (docs/web.md, live updates). Close it here first, when the
  // logout form is submitted, so the browser does not see the stream cut while the logout answer is on its way
  // (EventSource reports that as an error, which htmx's SSE extension logs to the console).
  document.addEventListener("submit", function (event) {
    if (!event.target.closest || !event.target.closest(".logout-form")) {
      return;
    }
    document.querySelectorAll("[sse-connect]").forEach(function (el) {
      var data = el["htmx-internal-data"];
      if (data && data.sseEventSource) {
        data.sseEventSource.close();
      }
    });
  }, true);

  function picker() {
    var form = document.getElementById("range-picker");
    if (!form || form.dataset.ready) {
      return;
    }
    form.dataset.ready = "1";
    form.classList.add("js-on");
    var select = form.querySelector("select[name=range]");
    function show() {
      form.querySelectorAll(".range-extra").forEach(function (el) {
        var on = el.dataset["for"] === select.value;
        el.classList.toggle("shown", on);
        el.querySelectorAll("input").forEach(function (input) { input.disabled = !on; });
      });
    }
    select.addEventListener("change", function () {
      show();
      // a named range needs nothing more: show it at once; year, month and dates wait for "Show"
      if (["year", "month", "custom"].indexOf(select.value) < 0) {
        form.requestSubmit();
      }
    });
    show();
  }

  var plot = null;
  function chart() {
    var el = document.getElementById("timeline-chart");
    if (plot) {
      plot.destroy();
      plot = null;
    }
    if (!el || typeof uPlot === "undefined") {
      return;
    }
    var xs = JSON.parse(el.dataset.xs || "[]");
    var ys = JSON.parse(el.dataset.ys || "[]");
    var style = getComputedStyle(document.documentElement);
    var accent = style.getPropertyValue("--accent").trim() || "#4f46e5";
    var muted = style.getPropertyValue("--muted").trim() || "#666";
    var grid = style.getPropertyValue("--border").trim() || "#ddd";
    var axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    // x ticks on bucket starts only, labelled by the bucket's local date (uPlot's own time ticks would show hours
    // such as "12am" for daily buckets, and in the browser's zone rather than the user's)
    var labels = JSON.parse(el.dataset.labels || "[]");
    var step = el.dataset.step || "day";
    var format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, step === "year" ? { year: "numeric", timeZone: "UTC" }
        : step === "month" ? { month: "short", year: "numeric", timeZone: "UTC" } : { month: "short", day: "numeric", timeZone: "UTC" });
    var labelOf = {};
    xs.forEach(function (x, i) { labelOf[x] = labels[i] ? format.format(new Date(labels[i] + "T00:00:00Z")) : ""; });
    var xAxis = Object.assign({}, axis, {
      splits: function () {
        var every = Math.max(1, Math.ceil(xs.length / Math.max(2, Math.floor(el.clientWidth / 90))));
        return xs.filter(function (x, i) { return i % every === 0; });
      },
      values: function (u, splits) { return splits.map(function (x) { return labelOf[x] || ""; }); }
    });
    plot = new uPlot({
      width: Math.max(200, el.clientWidth),
      height: 220,
      legend: { show: false },
      cursor: { y: false },
      scales: { x: { time: true } },
      axes: [xAxis, Object.assign({ size: 44 }, axis)],
      series: [{}, {
        label: el.dataset.label || "Plays",
        stroke: accent,
        fill: accent + "33",
        width: 2,
        paths: uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.8, 40] }) : undefined,
        points: { show: false }
      }]
    }, [xs, ys], el);
  }

  function init() {
    picker();
    chart();
  }
  document.addEventListener("DOMContentLoaded", init);
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.detail.target && event.detail.target.id === "dash-content") {
      chart();
    }
  });
  // htmx keeps a snapshot of the page for the back button: uPlot's inline styles would be re-inserted as HTML,
  // which the CSP refuses, so the snapshot is taken without the chart and the chart is drawn again
  document.addEventListener("htmx:beforeHistorySave", function () {
    if (plot) {
      plot.destroy();
      plot = null;
      setTimeout(chart, 0);
    }
  });
  // history restore puts back a snapshot whose chart canvas was torn down: redraw
  document.addEventListener("htmx:historyRestore", init);
  var resizeTimer = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(chart, 150);
  });
})();
