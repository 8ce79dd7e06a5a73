/* samklang viz: draws the view embedded in #samklang-data with vis-network.
 * Every text reaches the page through textContent or vis-network's canvas, never as HTML. */
(function () {
  "use strict";

  var root = JSON.parse(document.getElementById("samklang-data").textContent);
  var words = root.words;
  var api = (window.samklang = {
    ready: false,
    stable: false,
    stableAfterMs: null,
    network: null,
    view: root,
  });
  var state = { view: root, filters: {}, search: "" };
  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var byId = new Map();
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return isVisible(byId.get(n.id)); } });
  var visibleIds = new Set();
  var edgeView = new vis.DataView(edges, {
    filter: function (e) { return visibleIds.has(e.from) && visibleIds.has(e.to); },
  });

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function fold(text) {
    return String(text).toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  var FLAGS = ["error", "warning", "info"];

  function isGap(status) { return root.gapStatuses.indexOf(status) >= 0; }

  function statusFor(n) {
    var year = state.filters.year;
    if (!n.gap || !year) return n.status;
    var y = Number(year);
    if (n.relevant.length && n.relevant.indexOf(y) < 0) return "neutral";
    if (n.covered.indexOf(y) >= 0) return "covered";
    return n.gap;
  }

  function isVisible(n) {
    if (!n) return false;
    var f = state.filters;
    if (f.year && n.years.length && n.years.indexOf(Number(f.year)) < 0) return false;
    for (var name in f) {
      if (name === "year" || name === "broken" || !f[name]) continue;
      var values = n.facets[name];
      if (values && values.indexOf(f[name]) < 0) return false;
    }
    if (f.broken && !(n.facets.broken && n.facets.broken.length)) return false;
    return true;
  }

  function tip(text) {
    var div = el("div", "tip", text);
    return div;
  }

  function visNode(n, view) {
    var style = root.styles[n.style] || {};
    var status = statusFor(n);
    var gap = isGap(status) && !style.color;
    // a node with a fill of its own (the municipality, an organisation) that a finding
    // concerns: a thick border in the finding's colour and a ⚠ instead
    var flagged = !!style.color && FLAGS.indexOf(status) >= 0;
    var fill = style.color || root.statusColours[status] || "#9E9E9E";
    var border = gap ? "#7A2500" : flagged ? root.statusColours[status] : "#333333";
    var v = {
      id: n.id,
      label: (gap || flagged ? "\u26A0 " : "") + (n.caption || n.label),
      shape: style.shape || "dot",
      size: (style.size || 14) * (n.size || 1),
      color: {
        background: fill,
        border: border,
        highlight: { background: fill, border: "#000000" },
        hover: { background: fill, border: "#000000" },
      },
      borderWidth: gap ? 3 : flagged ? 5 : 1.5,
      borderWidthSelected: 4,
      shapeProperties: { borderDashes: gap ? [6, 3] : false },
      font: { color: style.font || "#1A1A1A", size: 14, face: "system-ui, Segoe UI, sans-serif" },
      widthConstraint: { maximum: 240 },
      title: tip(n.hover || n.kind + ": " + n.label),
    };
    if (n.x !== null && n.y !== null) {
      v.x = n.x;
      v.y = n.y;
    }
    if (!view.physics) v.physics = false;
    return v;
  }

  function visEdge(e, index, view) {
    var style = root.edgeStyles[e.style] || {};
    var v = {
      id: "e" + index,
      from: e.source,
      to: e.target,
      color: {
        color: style.color || "#8A8A8A",
        highlight: "#000000",
        hover: "#000000",
        // many municipalities: the links faint until a node is chosen or hovered
        opacity: view.name === "national" && view.nodes.length > 40 ? 0.18 : 1,
      },
      dashes: style.dashes || false,
      width: (style.width || 1) * (e.width || 1),
      arrows: style.arrows || "",
      title: e.label ? tip(e.label) : undefined,
    };
    if (view.name === "national") {
      v.smooth = false; // straight from a domain to each municipality of the grid
    } else if (!view.physics) {
      var vertical = ["documents", "organisations", "national"].indexOf(view.name) >= 0;
      v.smooth = { type: "cubicBezier", forceDirection: vertical ? "vertical" : "horizontal", roundness: 0.45 };
    } else {
      v.smooth = false;
    }
    return v;
  }

  function load(view) {
    state.view = view;
    api.view = view;
    byId = new Map();
    view.nodes.forEach(function (n) { byId.set(n.id, n); });
    nodes.clear();
    edges.clear();
    refreshVisible();
    nodes.add(view.nodes.map(function (n) { return visNode(n, view); }));
    edges.add(view.edges.map(function (e, i) { return visEdge(e, i, view); }));
    refreshVisible();
    nodeView.refresh();
    edgeView.refresh();
  }

  function refreshVisible() {
    visibleIds = new Set();
    state.view.nodes.forEach(function (n) { if (isVisible(n)) visibleIds.add(n.id); });
  }

  function applyFilters() {
    refreshVisible();
    // recolour coverage for the chosen year
    var updates = [];
    state.view.nodes.forEach(function (n) { if (n.gap) updates.push(visNode(n, state.view)); });
    if (updates.length) nodes.update(updates);
    nodeView.refresh();
    edgeView.refresh();
    updateCounts();
    if (api.network && !state.search.trim()) {
      api.stable = false;
      var started = performance.now();
      settle(started);
      api.network.redraw();
    }
    runSearch();
  }

  function updateCounts() {
    var shown = words.shown
      .replace("{nodes}", String(visibleIds.size))
      .replace("{total}", String(state.view.nodes.length))
      .replace("{edges}", String(edgeView.length))
      .replace("{total_edges}", String(state.view.edges.length));
    document.getElementById("counts").textContent = shown;
  }

  function runSearch() {
    var box = document.getElementById("matches");
    var query = fold(state.search.trim());
    if (!query) {
      box.textContent = "";
      if (api.network) api.network.unselectAll();
      return;
    }
    function matching(view, shown) {
      return view.nodes
        .filter(function (n) { return shown(n) && fold(n.label).indexOf(query) >= 0; })
        .map(function (n) { return n.id; });
    }
    var found = matching(state.view, function (n) { return visibleIds.has(n.id); });
    var turned = false;
    // a paged view: nothing on this page, so the first other page that has it
    if (!found.length && pages && pages.length && api.network) {
      for (var k = 0; k < pages.length && !found.length; k++) {
        if (String(k) === pageSelect.value) continue;
        var sub = pageView(k);
        found = matching(sub, isVisible);
        if (found.length) {
          pageSelect.value = String(k);
          show(sub);
          turned = true;
        }
      }
    }
    box.textContent = found.length ? words.matches.replace("{n}", String(found.length)) : words.no_matches;
    if (!api.network) return;
    api.network.selectNodes(found, false);
    if (found.length) {
      if (!turned) {
        api.network.fit({ nodes: found, animation: false, maxZoomLevel: 1.2 });
        if (api.network.getScale() < MIN_SCALE) {
          // keep the labels legible: the first match in the middle, at the smallest scale
          api.network.moveTo({ position: api.network.getPositions([found[0]])[found[0]], scale: MIN_SCALE, animation: false });
        }
      }
      if (found.length === 1) showDetails(found[0]);
    }
  }

  function showDetails(id) {
    var n = byId.get(id);
    var panel = document.getElementById("details");
    if (!n) return;
    panel.replaceChildren();
    panel.appendChild(el("h2", null, words.details));
    panel.appendChild(el("h3", null, n.label));
    var list = el("dl");
    n.details.forEach(function (row) {
      list.appendChild(el("dt", null, row[0]));
      list.appendChild(el("dd", null, row[1]));
    });
    panel.appendChild(list);
    if (n.findings.length) {
      panel.appendChild(el("h4", null, words.findings));
      var ul = el("ul", "findings");
      n.findings.forEach(function (f) {
        var li = el("li", "finding " + (f.accepted ? "accepted" : f.severity));
        li.appendChild(el("strong", null, f.rule + " (" + (f.accepted || words[f.severity] || f.severity) + ")"));
        li.appendChild(el("span", null, " " + f.message));
        if (f.fix) li.appendChild(el("p", "fix", words.fix + ": " + f.fix));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
    panel.appendChild(el("h4", null, words.sources));
    if (!n.sources.length) {
      panel.appendChild(el("p", "hint", words.no_sources));
    } else {
      var sources = el("ul", "sources");
      n.sources.forEach(function (s) {
        var li = el("li", null, s.title);
        if (s.file) li.appendChild(el("div", "file", s.file + (s.lines ? ", " + words.lines + " " + s.lines : "")));
        else if (s.lines) li.appendChild(el("div", "file", words.lines + " " + s.lines));
        if (s.url && /^https?:\/\//i.test(s.url)) {
          var a = el("a", null, s.url);
          a.href = s.url;
          a.rel = "noopener noreferrer";
          a.target = "_blank";
          var div = el("div", "url");
          div.appendChild(a);
          li.appendChild(div);
        }
        sources.appendChild(li);
      });
      panel.appendChild(sources);
    }
    if (n.facets.drill && n.facets.drill.length) drill(n.facets.drill[0]);
  }

  function matrixElement(m) {
    var table = el("table", "matrix");
    table.appendChild(el("caption", null, m.caption));
    var thead = el("thead");
    var tr = el("tr");
    var corner = el("th", null, m.corner);
    corner.scope = "col";
    tr.appendChild(corner);
    m.columns.forEach(function (c) { var th = el("th", null, c); th.scope = "col"; tr.appendChild(th); });
    thead.appendChild(tr);
    table.appendChild(thead);
    var tbody = el("tbody");
    m.rows.forEach(function (row) {
      var r = el("tr");
      var th = el("th", null, row[0]);
      th.scope = "row";
      r.appendChild(th);
      row[1].forEach(function (cell) {
        var td;
        if (cell.text) td = el("td", cell.state, cell.text);
        else if (cell.state === "na") td = el("td", "na", "\u2013");
        else if (cell.state === "none") {
          td = el("td", "gap", "0 ");
          td.appendChild(el("span", "mark", words.gap_mark));
        } else td = el("td", "covered", cell.count);
        r.appendChild(td);
      });
      tbody.appendChild(r);
    });
    table.appendChild(tbody);
    if (m.totals.length) {
      var tfoot = el("tfoot");
      var fr = el("tr");
      var fth = el("th", null, m.totals_label);
      fth.scope = "row";
      fr.appendChild(fth);
      m.totals.forEach(function (t) { fr.appendChild(el("td", null, t)); });
      tfoot.appendChild(fr);
      table.appendChild(tfoot);
    }
    return table;
  }

  var savedTables = null;
  var savedHeader = null;

  // the heading, subtitle, intro and legend of the view shown: a drill-down has its own
  function header(view, legendItems) {
    document.getElementById("title").textContent = view.title;
    document.getElementById("subtitle").textContent = view.subtitle;
    document.getElementById("intro").textContent = view.intro;
    document.title = view.title + " \u2013 " + view.subtitle;
    document.getElementById("legend").replaceChildren.apply(document.getElementById("legend"), legendItems);
    // only the view's own drop-downs: the national view's county and coverage filters speak of
    // municipalities, which a drill-down does not draw
    var own = view.filters.map(function (f) { return f.name; });
    Array.prototype.forEach.call(document.querySelectorAll("select[data-filter]"), function (select) {
      select.closest("label").hidden = own.indexOf(select.dataset.filter) < 0;
    });
  }

  function legendItems(view) {
    var swatches = document.getElementById("drill-swatches");
    return view.legend.map(function (entry) {
      var li = el("li");
      var picture = swatches && swatches.content.querySelector('[data-key="' + CSS.escape(entry[0]) + '"] svg');
      if (picture) li.appendChild(picture.cloneNode(true));
      li.appendChild(el("span", null, entry[1]));
      return li;
    });
  }

  function drill(key) {
    var block = document.querySelector('script.drilldown[data-key="' + CSS.escape(key) + '"]');
    if (!block) return;
    var sub = JSON.parse(block.textContent);
    ["styles", "edgeStyles", "statusColours", "gapStatuses", "words"].forEach(function (k) {
      sub[k] = root[k];
    });
    var tables = document.getElementById("tables");
    if (!savedTables) savedTables = Array.prototype.slice.call(tables.childNodes);
    tables.replaceChildren();
    tables.appendChild(el("h2", null, sub.title));
    tables.appendChild(el("p", "subtitle", sub.subtitle));
    sub.matrices.forEach(function (m) {
      tables.appendChild(matrixElement(m));
      if (m.note) tables.appendChild(el("p", "note", m.note));
    });
    // what the check says of a whole document of the municipality (no node to paint)
    (sub.notes || []).forEach(function (note) {
      tables.appendChild(el("p", "note", note));
    });
    if (!savedHeader) {
      savedHeader = {
        view: root,
        legend: Array.prototype.slice.call(document.getElementById("legend").childNodes),
        title: document.title,
      };
    }
    header(sub, legendItems(sub));
    document.getElementById("back").hidden = false;
    document.getElementById("drill-hint").hidden = true;
    show(sub);
  }

  function back() {
    var tables = document.getElementById("tables");
    if (savedTables) tables.replaceChildren.apply(tables, savedTables);
    savedTables = null;
    if (savedHeader) {
      header(savedHeader.view, savedHeader.legend);
      document.title = savedHeader.title;
    }
    savedHeader = null;
    document.getElementById("back").hidden = true;
    document.getElementById("drill-hint").hidden = false;
    show(root);
  }

  function show(view) {
    api.stable = false;
    var started = performance.now();
    load(view);
    api.network.setOptions(optionsFor(view));
    if (view.physics) {
      api.network.once("stabilizationIterationsDone", function () {
        api.network.setOptions({ physics: { enabled: false } });
        settle(started);
        api.network.redraw();
      });
      api.network.stabilize(view.nodes.length > 200 ? 300 : 200);
    } else {
      settle(started);
      api.network.redraw();
    }
    updateCounts();
  }

  function optionsFor(view) {
    return {
      autoResize: true,
      layout: { improvedLayout: false, randomSeed: 7 },
      interaction: { hover: true, tooltipDelay: 150, navigationButtons: true, keyboard: false },
      physics: view.physics
        ? {
            enabled: true,
            solver: "forceAtlas2Based",
            forceAtlas2Based: { gravitationalConstant: -80, springLength: 140, avoidOverlap: 0.5 },
            stabilization: { enabled: true, iterations: view.nodes.length > 200 ? 300 : 200, updateInterval: 25, fit: true },
            minVelocity: 1.5,
          }
        : { enabled: false },
    };
  }

  /* Fit the drawing to its panel so that it stays legible: the scale is the panel's width
   * over the drawing's, kept between MIN_SCALE (a 14 px label renders at 11.2 px) and
   * MAX_SCALE; the panel is as tall as the drawing at that scale needs, at least the room the
   * window leaves and at most what the drawing needs (no empty band), so a tall drawing makes a
   * tall panel and the page scrolls rather than the labels shrinking. */
  var MIN_SCALE = 0.8;
  var MAX_SCALE = 1.3;
  var PAD = 24;
  var NAVIGATION = 64; // the zoom and move buttons along the panel's foot
  var HEADINGS = 80; // canvas pixels above the top node, where drawColumns writes

  function drawingBox() {
    var box = null;
    visibleIds.forEach(function (id) {
      var b = api.network.getBoundingBox(id);
      if (!b) return;
      if (!box) box = { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
      else {
        box.left = Math.min(box.left, b.left);
        box.right = Math.max(box.right, b.right);
        box.top = Math.min(box.top, b.top);
        box.bottom = Math.max(box.bottom, b.bottom);
      }
    });
    if (box && state.view.columns.length) box.top -= HEADINGS;
    return box;
  }

  function fitPanel() {
    var container = document.getElementById("graph");
    var box = drawingBox();
    if (!box) return;
    var w = Math.max(box.right - box.left, 1);
    var h = Math.max(box.bottom - box.top, 1);
    var width = container.clientWidth - 2 * PAD;
    var room = Math.max(360, window.innerHeight - 40);
    var scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, width / w));
    if (h * scale + 2 * PAD + NAVIGATION > room) scale = Math.max(MIN_SCALE, Math.min(scale, (room - 2 * PAD - NAVIGATION) / h));
    var height = Math.max(240, Math.ceil(h * scale + 2 * PAD + NAVIGATION));
    container.style.height = height + "px";
    api.network.setSize("100%", height + "px");
    api.network.moveTo({
      // the drawing above the band the navigation buttons take at the bottom
      position: { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 + NAVIGATION / 2 / scale },
      scale: scale,
      animation: false,
    });
    api.fitted = { scale: scale, width: w, height: h };
  }

  // Once the nodes are drawn (their labels measured), fit; stable after the next drawing.
  function settle(started) {
    api.network.once("afterDrawing", function () {
      fitPanel();
      api.network.once("afterDrawing", function () { markStable(started); });
      api.network.redraw();
    });
  }

  function markStable(started) {
    api.stable = true;
    api.stableAfterMs = performance.now() - started;
    api.loadToStableMs = performance.now();
  }

  function drawColumns(ctx) {
    var view = state.view;
    if (!view.columns.length) return;
    var top = Infinity;
    view.nodes.forEach(function (n) { if (visibleIds.has(n.id) && n.y !== null && n.y < top) top = n.y; });
    if (!isFinite(top)) return;
    ctx.save();
    ctx.font = "bold 17px system-ui, Segoe UI, sans-serif";
    ctx.fillStyle = "#333333";
    ctx.textAlign = "center";
    view.columns.forEach(function (c) { ctx.fillText(c[1], c[0], top - 60); });
    ctx.restore();
  }

  // wire up
  document.querySelector("form.controls").addEventListener("submit", function (event) {
    event.preventDefault();
  });
  Array.prototype.forEach.call(document.querySelectorAll("select[data-filter]"), function (select) {
    select.addEventListener("change", function () {
      state.filters[select.dataset.filter] = select.value;
      applyFilters();
    });
  });
  var broken = document.querySelector('input[data-filter="broken"]');
  if (broken) {
    broken.addEventListener("change", function () {
      state.filters.broken = broken.checked;
      applyFilters();
    });
  }
  var search = document.querySelector('input[data-filter="search"]');
  search.addEventListener("input", function () {
    state.search = search.value;
    runSearch();
  });
  // a window made wider or narrower: fit the drawing to the panel's new width
  var resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      if (!api.network) return;
      api.stable = false;
      settle(performance.now());
      api.network.redraw();
    }, 150);
  });
  var backButton = document.getElementById("back");
  if (backButton) backButton.addEventListener("click", back);

  var started = performance.now();
  // a view too long to draw at once comes in pages, each laid out by itself: draw the first
  var pages = document.querySelectorAll("script.page");
  function pageView(k) {
    var sub = JSON.parse(pages[k].textContent);
    ["styles", "edgeStyles", "statusColours", "gapStatuses", "words"].forEach(function (key) {
      sub[key] = root[key];
    });
    return sub;
  }
  var first = pages.length ? pageView(0) : root;
  var pageSelect = document.getElementById("page");
  if (pageSelect) {
    pageSelect.addEventListener("change", function () { show(pageView(Number(pageSelect.value))); });
  }
  load(first);
  api.network = new vis.Network(
    document.getElementById("graph"),
    { nodes: nodeView, edges: edgeView },
    optionsFor(first)
  );
  api.network.on("click", function (params) {
    if (params.nodes.length) showDetails(params.nodes[0]);
  });
  api.network.on("afterDrawing", drawColumns);
  if (first.physics) {
    api.network.once("stabilizationIterationsDone", function () {
      api.network.setOptions({ physics: { enabled: false } });
      settle(started);
      api.network.redraw();
    });
  } else {
    settle(started);
  }
  updateCounts();

  api.counts = function () {
    return {
      nodes: api.network.body.nodeIndices.length,
      edges: api.network.body.edgeIndices.length,
      visibleNodes: visibleIds.size,
      visibleEdges: edgeView.length,
      totalNodes: state.view.nodes.length,
      totalEdges: state.view.edges.length,
    };
  };
  api.select = showDetails;
  api.pages = pages.length;
  api.page = function (k) {
    pageSelect.value = String(k);
    show(pageView(k));
  };
  api.fitPanel = fitPanel;
  api.drill = drill;
  api.back = back;
  api.position = function (id) {
    var p = api.network.getPositions([id])[id];
    return p ? api.network.canvasToDOM(p) : null;
  };
  api.ready = true;
})();
